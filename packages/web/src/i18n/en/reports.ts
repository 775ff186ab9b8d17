/** The Reports area (issue 18): quality measures, their trends, the lists behind them, the monthly report. */
export const reports = {
  reports: {
    title: 'Reports',
    intro:
      'How the service is doing, computed from the records when you open the page. Choose a measure’s list to see the requests or patients behind it.',
    filters: {
      from: 'From',
      to: 'To',
      area: 'Area',
      allAreas: 'All areas',
      age: 'Patients',
      all: 'All',
      adult: 'Adults',
      child: 'Children',
      teams:
        'Team: the records hold one mobile team per organization, so there is no team filter; a regional network sees each service on its own.',
    },
    print: 'Print the monthly report',
    csv: 'CSV',
    csvTitle: 'Download this table as CSV',
    noData: 'No records in this period.',
    serviceWide: 'Whole service: the area and age filters do not apply.',
    columns: {
      measure: 'Measure',
      value: 'Value',
      fraction: 'Numerator / denominator',
      numerator: 'Numerator',
      denominator: 'Denominator',
      target: 'Target',
      month: 'Month',
      category: 'Category',
      count: 'Count',
      median: 'Median',
      p90: '90th percentile',
      name: 'Request or patient',
      date: 'Date',
      met: 'Met',
      definition: 'Definition',
      source: 'Source',
    },
    target: 'Target {{value}}',
    benchmark: 'Benchmark {{value}}',
    targetMet: 'Target met',
    targetMissed: 'Below target',
    fraction: '{{num}} of {{den}}',
    spread: 'median {{median}} · 90th percentile {{p90}}',
    units: {
      minutes: '{{v}} min',
      hours: '{{v}} h',
      days: '{{v}} d',
      km: '{{v}} km',
      points: '{{v}} points',
    },
    yes: 'yes',
    no: 'no',
    drill: {
      unmet: 'Show those not met',
      all: 'Show the list',
      titleUnmet: '{{measure}}: not met',
      titleAll: '{{measure}}: the list',
      more: 'Show more',
      empty: 'Nothing to list.',
      audited: 'Opening this list is recorded in the audit log.',
      close: 'Close',
    },
    groups: {
      access: 'Access',
      symptoms: 'Symptoms',
      oncall: 'On call',
      medicines: 'Medicines',
      endOfLife: 'End of life',
      team: 'Team',
      family: 'Family',
      programmes: 'Children’s programmes',
    },
    measures: {
      callbackOnTime: {
        name: 'Called back within the deadline',
        definition:
          'Requests first called back by their callback deadline, of the requests whose deadline has passed or that were called.',
        unmet: 'Late requests',
      },
      callbackTime: {
        name: 'Time to first call back',
        definition:
          'Minutes from the request to the first call: median and 90th percentile, over the requests called.',
      },
      referralToDecision: {
        name: 'Referral to commission decision',
        definition:
          'Days from the request (or the case) to the commission’s first decision, by the day of the decision.',
      },
      decisionToFirstVisit: {
        name: 'Decision to first visit',
        definition:
          'Days from the grant of palliative status to the first completed visit; numerator: patients visited.',
        unmet: 'Not visited yet',
      },
      requestsBySource: {
        name: 'Requests by source and outcome',
        definition: 'Requests received in the period by source (web form, phone) and where they stand now.',
      },
      patientsByArea: {
        name: 'New patients by area',
        definition: 'Patients who came into the service in the period, by the area they live in.',
      },
      patientsByAge: {
        name: 'New patients by age group',
        definition: 'Patients who came into the service in the period, by age on that day.',
      },
      patientsByDiagnosis: {
        name: 'New patients by diagnosis group',
        definition:
          'By the ICD-10 chapter of the primary diagnosis: oncological, neurological, cardiac, respiratory, other.',
      },
      severeSymptomFollowUp: {
        name: 'Severe symptoms followed up within 48 h',
        definition:
          'ESAS-r ratings with any item 7 or more followed by a completed visit or a staff assessment within 48 hours, of the severe ratings at least 48 hours old or followed up.',
        unmet: 'Not followed up in time',
      },
      unstableResolved: {
        name: 'Unstable phase changed within 3 days',
        definition:
          'Unstable phases begun in the period whose next phase rating, within 3 days, was another phase.',
        unmet: 'Unstable longer than 3 days',
      },
      painChange: {
        name: 'Change in pain',
        definition:
          'Latest minus first pain score of the period (ESAS-r, or FACES for children), for patients rated at least twice (negative is better); numerator: patients whose pain fell.',
        unmet: 'Pain not better',
      },
      breathlessnessChange: {
        name: 'Change in breathlessness',
        definition:
          'Latest minus first ESAS-r breathlessness score of the period, for patients rated at least twice; numerator: patients better.',
        unmet: 'Breathlessness not better',
      },
      visitsWithPainAssessment: {
        name: 'Visits with a pain assessment',
        definition:
          'Completed physician and nurse visits with a pain rating (ESAS-r pain, FLACC or FACES) on the visit or that day.',
        unmet: 'Visits without a pain rating',
      },
      alertAcknowledgement: {
        name: 'Alerts: time to acknowledgement',
        definition:
          'Minutes from an alert to its acknowledgement, by severity; numerator: alerts acknowledged.',
        unmet: 'Not acknowledged',
      },
      alertOutcome: {
        name: 'Alerts: time to outcome',
        definition: 'Minutes from an alert to its recorded outcome, by severity; numerator: alerts resolved.',
        unmet: 'No outcome yet',
      },
      alertEscalations: {
        name: 'Alerts escalated',
        definition: 'Alerts passed up the on-call chain because nobody answered in time, of all alerts.',
        unmet: 'Not escalated',
      },
      ambulanceFirst: {
        name: 'Ambulance called before the service',
        definition:
          'Calls about a patient where the family had called an ambulance first, of the calls logged.',
        unmet: 'Called the service first',
      },
      rescueDoseAlerts: {
        name: 'Rescue-dose alerts',
        definition:
          'Alerts raised because more rescue doses than the review threshold were given in 24 hours.',
      },
      controlledDiscrepancies: {
        name: 'Controlled-drug count discrepancies',
        definition: 'Register counts that differed from the expected balance, of all counts.',
        unmet: 'Counts that matched',
      },
      anticipatoryExpiring: {
        name: 'Anticipatory boxes expiring',
        definition:
          'Anticipatory medicine boxes in living patients’ homes whose expiry day falls in the period.',
      },
      advanceCarePlan: {
        name: 'Patients with an advance care plan',
        definition:
          'Patients visited in a month who had an advance care plan recorded by the month’s end (counted once per patient and month).',
        unmet: 'No plan yet',
      },
      preferredPlaceOfDeath: {
        name: 'Died in the preferred place',
        definition:
          'Deaths in the place the patient preferred, of the deaths whose preferred place was recorded.',
        unmet: 'Not in the preferred place',
      },
      placeOfDeath: { name: 'Place of death', definition: 'Deaths in the period by place.' },
      daysBeforeDeath: {
        name: 'Days in the service before death',
        definition: 'Days from coming into the service to death: median and 90th percentile.',
      },
      bereavementOnTime: {
        name: 'Bereavement contacts on time',
        definition:
          'Bereavement contacts made by their due day, of the contacts due in the period that are done or overdue.',
        unmet: 'Late or missed contacts',
      },
      visitsDone: {
        name: 'Visits done as planned',
        definition:
          'Completed visits, of the visits planned for days that have passed (missed and cancelled count as not done).',
        unmet: 'Missed or cancelled visits',
      },
      travelPerVisit: {
        name: 'Travel per visit',
        definition:
          'Average straight-line kilometres from the previous home of the day to this one (the drive from base is not in the records).',
      },
      keyWorkerContinuity: {
        name: 'Visits by the key worker',
        definition:
          'Completed visits made by the key worker named in the care plan, of visits to patients with one.',
        unmet: 'Visits by someone else',
      },
      overtime: {
        name: 'Shifts that ran over',
        definition:
          'Rota shifts where the last completed visit ended after the shift did, of the shifts worked.',
      },
      teamReviewOnTime: {
        name: 'Team reviews within 15 days',
        definition:
          'Team-meeting reviews held no more than 15 days after the patient’s previous review (or admission).',
        unmet: 'Late reviews',
      },
      caregiverScreenings: {
        name: 'Caregiver screenings and referrals',
        definition:
          'Caregiver burden screenings (ZBI-12, MCSI, “I cannot cope” calls); numerator: those that led to a referral.',
        unmet: 'No referral',
      },
      equipmentTurnaround: {
        name: 'Equipment turnaround',
        definition:
          'Days from an equipment request to delivery: median and 90th percentile; numerator: loans delivered.',
        unmet: 'Not delivered yet',
      },
      caregiverSkills: {
        name: 'Caregiver skills signed off',
        definition: 'Skills a nurse signed off for family caregivers in the period, by level.',
      },
      volunteerShare: {
        name: 'Volunteer hours as a share of paid care',
        definition:
          'Approved volunteer hours over paid staff’s patient-care hours (typed for the month, else from visits).',
      },
      campPlaces: {
        name: 'Camp places filled',
        definition:
          'Children accepted for summer-camp sessions starting in the period, of the places offered.',
      },
      campWaitingList: {
        name: 'Camp waiting list',
        definition: 'Children on the waiting list of those sessions.',
      },
      clubAndClownVisits: {
        name: 'Friends’ club and clown-doctor visits',
        definition:
          'Places the service’s children took at friends’-club sessions, and clown-doctor visits made.',
      },
      courseCompletions: {
        name: 'Course completions',
        definition: 'Training-course enrolments of the period that were completed.',
      },
    },
    categories: {
      // source and outcome of a request, shown together as "Phone · closed"
      web: 'Web form',
      phone: 'Phone',
      fhir: 'Electronic referral',
      new: 'new',
      in_progress: 'in progress',
      referred: 'referred to the commission',
      closed: 'closed',
      urgent: 'Urgent',
      review: 'Review',
      routine: 'Routine',
      oncological: 'Oncological',
      neurological: 'Neurological',
      cardiac: 'Cardiac',
      respiratory: 'Respiratory',
      other: 'Other',
      home: 'Home',
      hospital: 'Hospital',
      inpatient_hospice: 'Inpatient hospice',
      care_home: 'Care home',
      expired: 'Expired',
      expiring: 'Expiring',
      friends_club: 'Friends’ club',
      clown_doctors: 'Clown doctors',
      shown: 'Shown',
      practised: 'Practised',
      confident: 'Confident',
      zbi12: 'ZBI-12',
      mcsi: 'MCSI',
      cannot_cope: '“I cannot cope”',
      physician: 'Physician',
      nurse: 'Nurse',
      staff: 'Staff',
      family: 'Family',
      volunteer: 'Volunteer hours',
      paid: 'Paid care hours',
    },
    monthly: {
      title: 'Monthly quality report',
      period: '{{month}}',
      filters: 'Patients: {{age}} · Area: {{area}}',
      thisMonth: 'This month',
      lastMonth: 'Previous month',
      breakdowns: 'Who we served',
      footer:
        'Computed from the service’s records on {{date}}. Targets: PCOC benchmarks, HOPE symptom follow-up, US hospice conditions of participation; benchmark: Coordinate My Care.',
      printButton: 'Print',
      back: 'Back to Reports',
    },
  },
};
