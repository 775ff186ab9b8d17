/**
 * The sources the medication safety check cites (issue 12). Every problem it returns names one of
 * these, so the physician sees where a limit or caution comes from. Opioid conversion sources
 * are in opioid-factors.ts.
 */
export const safetySources = {
  bnf: {
    label: 'British National Formulary (BNF), adult doses and cautions',
    url: 'https://bnf.nice.org.uk/',
  },
  bnfc: { label: 'BNF for Children (BNFC), doses by weight', url: 'https://bnfc.nice.org.uk/' },
  who2012: {
    label: 'WHO guidelines on the pharmacological treatment of persisting pain in children (2012)',
    url: 'https://www.who.int/publications/i/item/9789241548120',
  },
  mhraCodeine2013: {
    label: 'MHRA Drug Safety Update (2013): codeine not for children under 12',
    url: 'https://www.gov.uk/drug-safety-update/codeine-for-analgesia-restricted-use-in-children-because-of-reports-of-morphine-toxicity',
  },
  emaMetoclopramide2013: {
    label: 'EMA (2013): metoclopramide at most 30 mg a day, 0.5 mg/kg a day in children',
    url: 'https://www.ema.europa.eu/en/medicines/human/referrals/metoclopramide-containing-medicines',
  },
  fentanylManufacturer: {
    label:
      'Fentanyl patch product information: for opioid-tolerant patients only (≥ 60 mg oral morphine a day)',
    url: 'https://empendium.com/mcmtextbook/table/031_0296',
  },
  transdermalGuideline: {
    label:
      'Guidelines for the use of transdermal opioids in palliative care (buprenorphine at most 140 mcg/h)',
    url: 'https://kipdf.com',
  },
  scottishRenal: {
    label: 'Scottish Palliative Care Guidelines: pain management in chronic kidney disease',
    url: 'https://www.palliativecareguidelines.scot.nhs.uk/guidelines/end-of-life-care/chronic-kidney-disease.aspx',
  },
  scottishRescue: {
    label: 'Scottish Palliative Care Guidelines: more than three breakthrough doses in 24 h, seek advice',
    url: 'https://www.palliativecareguidelines.scot.nhs.uk/guidelines/pain/choosing-and-changing-opioids.aspx',
  },
  platform: {
    label: 'Hearth safety rule (conservative platform limit; see docs/medicines-safety.md)',
    url: 'docs/medicines-safety.md',
  },
} as const;
export type SafetySourceId = keyof typeof safetySources;
