/**
 * Behaviour and level descriptors of the children's and pressure-risk instruments, shown beside
 * each score so a nurse picks a described behaviour, not a bare number. This is data, kept apart
 * from the program so an organization can replace it with the wording it is licensed to use
 * (the same rule as for the licensed instruments). Short descriptors after the published tables:
 * FLACC, Merkel et al. 1997; r-FLACC, Malviya et al. 2006 (adds the parents' own description of
 * how the child shows pain); Braden, Bergstrom & Braden; Braden Q, Quigley & Curley 1996.
 */
/** Sensory perception reads the same in Braden and Braden Q. */
const sensoryPerception = {
  '1': 'Completely limited',
  '2': 'Very limited',
  '3': 'Slightly limited',
  '4': 'No impairment',
};

export const descriptors = {
  descriptors: {
    flacc: {
      face: {
        '0': 'No particular expression or smile',
        '1': 'Occasional grimace or frown, withdrawn',
        '2': 'Frequent to constant frown, clenched jaw, quivering chin',
      },
      legs: {
        '0': 'Normal position or relaxed',
        '1': 'Uneasy, restless, tense',
        '2': 'Kicking, or legs drawn up',
      },
      activity: {
        '0': 'Lying quietly, normal position, moves easily',
        '1': 'Squirming, shifting back and forth, tense',
        '2': 'Arched, rigid or jerking',
      },
      cry: {
        '0': 'No cry',
        '1': 'Moans or whimpers, occasional complaint',
        '2': 'Crying steadily, screams or sobs, frequent complaints',
      },
      consolability: {
        '0': 'Content, relaxed',
        '1': 'Reassured by touching, hugging or talking; can be distracted',
        '2': 'Difficult to console or comfort',
      },
    },
    rFlacc: {
      individual: 'How this child shows it (the parents’ words, optional)',
    },
    braden: {
      sensoryPerception,
      moisture: {
        '1': 'Constantly moist',
        '2': 'Often moist',
        '3': 'Occasionally moist',
        '4': 'Rarely moist',
      },
      activity: { '1': 'Bedfast', '2': 'Chairfast', '3': 'Walks occasionally', '4': 'Walks frequently' },
      mobility: {
        '1': 'Completely immobile',
        '2': 'Very limited',
        '3': 'Slightly limited',
        '4': 'No limitation',
      },
      nutrition: { '1': 'Very poor', '2': 'Probably inadequate', '3': 'Adequate', '4': 'Excellent' },
      frictionShear: { '1': 'Problem', '2': 'Potential problem', '3': 'No apparent problem' },
    },
    bradenQ: {
      labels: {
        mobility: 'Mobility (1–4)',
        activity: 'Activity (1–4)',
        sensoryPerception: 'Sensory perception (1–4)',
        moisture: 'Moisture (1–4)',
        frictionShear: 'Friction and shear (1–4)',
        nutrition: 'Nutrition (1–4)',
        tissuePerfusion: 'Tissue perfusion and oxygenation (1–4)',
      },
      levels: {
        mobility: {
          '1': 'Completely immobile',
          '2': 'Very limited',
          '3': 'Slightly limited',
          '4': 'No limitation',
        },
        activity: {
          '1': 'Bedfast',
          '2': 'Chairfast',
          '3': 'Walks occasionally',
          '4': 'Walks frequently, or too young to walk',
        },
        sensoryPerception,
        moisture: {
          '1': 'Constantly moist',
          '2': 'Very moist',
          '3': 'Occasionally moist',
          '4': 'Rarely moist',
        },
        frictionShear: {
          '1': 'Significant problem',
          '2': 'Problem',
          '3': 'Potential problem',
          '4': 'No apparent problem',
        },
        nutrition: { '1': 'Very poor', '2': 'Inadequate', '3': 'Adequate', '4': 'Excellent' },
        tissuePerfusion: {
          '1': 'Extremely compromised',
          '2': 'Compromised',
          '3': 'Adequate',
          '4': 'Excellent',
        },
      },
    },
  },
};
