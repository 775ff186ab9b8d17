import { reasonThingWords } from '@hearth/domain';

/** Why the server refused a request, per reason code of `@hearth/domain` (issue 16). */
export const reasons = {
  reasons: {
    notFound: '{{what}} was not found.',
    forbidden: 'You do not have permission to do this.',
    loginRequired: 'Please log in.',
    staleSession: 'The page is out of date. Reload it and try again.',
    rateLimited: 'Too many requests. Please wait a moment and try again.',
    tooLarge: 'The file or request is too large.',
    fieldsInvalid: 'Some fields need attention.',
    noRoute: 'This address does not exist on the server.',
    internal: 'Something went wrong on our side.',
    stillReferenced: 'Other records still refer to this.',
    alreadyExists: 'This already exists.',
    referenceMissing: 'Something this refers to does not exist.',
    valuesOutOfRange: 'Some of the values are out of range or malformed.',
    periodReversed: 'The period starts after it ends.',
    patientDeceased: 'The patient has died; this can no longer be recorded.',
    activeStaffRequired: 'Choose an active member of staff.',
    idempotencyKeyInvalid: 'The Idempotency-Key header must be 1 to 200 visible characters.',
    idempotencyInProgress: 'This request is still being processed. Try again in a moment.',
    idempotencyKeyReused:
      'This request key was already used for a different request. Send a new key for a new request.',
    idempotencyAbandoned:
      'An earlier attempt of this request did not finish. Check whether it was recorded before doing it again.',
    auth: {
      invitationGone: 'This invitation is not valid any more. Ask the team for a new one.',
      wrongCredentials: 'The e-mail or password is not right.',
      tooManyAttempts: 'Too many failed attempts. Please wait before trying again.',
      wrongCurrentPassword: 'The current password is not right.',
    },
    witness: {
      required: 'A second member of staff confirms this with their own account.',
      wrongCredentials: 'The witness e-mail or password is not right.',
      notStaff: 'The witness must be a member of staff.',
      notYourself: 'The witness must be someone else.',
    },
    staff: {
      emailTaken: 'Someone with this e-mail already has an account.',
      notYourself: 'You cannot deactivate your own account.',
      notDeactivated: 'This account is not deactivated.',
    },
    volunteers: {
      cannotMove: 'A volunteer cannot go from “{{from}}” to “{{to}}”.',
      notActive:
        'Only an active volunteer (screened and trained) can do this; this volunteer is “{{status}}”.',
      stepsMissing: 'Still missing: {{missing}}.',
      alreadyHasLogin: 'This volunteer already has a login.',
      familyNotLocated: 'The family’s address has no coordinates yet; add them to the patient record first.',
      requestNotOpen: 'This request is no longer open.',
      requestAlreadyOffered: 'This request is already offered to a volunteer.',
      assignmentClosed: 'This assignment is already closed.',
      notAcceptedYet: 'The volunteer has not accepted yet; withdraw the offer instead of closing it.',
      helpNotGivenYet: 'The help has not been given yet: the request starts later.',
      alreadyAnswered: 'You have already answered this request.',
      hoursAlreadyDecided: 'These hours have already been decided.',
      hoursOnlyAccepted: 'Hours can be logged only for a request you have accepted.',
      hoursInFuture: 'Hours cannot be logged for a day in the future.',
      hoursBeforeVisit: 'Hours are logged from the day of the visit on.',
      hoursAfterClose:
        'The coordinator closed this request; hours can be logged up to the day it was closed.',
      hoursDuplicate: '{{minutes}} min for this day on this request are already logged.',
      hoursOverRequest:
        'This request allows {{allowedMinutes}} min a day and {{loggedMinutes}} min are already logged for this day.',
      hoursOverlap:
        'These hours overlap hours already logged for another request on this day: together at most {{allowedMinutes}} min, and {{loggedMinutes}} min are already logged.',
    },
    email: {
      noSecretKey:
        'The SMTP password cannot be saved: the server has no key to encrypt it with. Set HEARTH_SECRET_KEY (see the README) and restart.',
      notSetUp: 'Save the SMTP server and the sender address first.',
      notSent: 'The email was not sent: {{error}}',
    },
    geocoder: {
      off: 'Address lookup is not set up: an administrator can give its address in Settings.',
      failed:
        'The address lookup service did not answer properly. Enter the coordinates by hand or try again later.',
      noPlace: 'No place was found for this address. Check the spelling or enter the coordinates.',
    },
    patient: {
      cannotMove: 'A patient’s status cannot change from “{{from}}” to “{{to}}”.',
      needsPalliativeStatus: 'Regular care needs a palliative status granted by the medical commission.',
      diagnosisPhysicianOnly: 'Only a physician adds a diagnosis.',
      nothingToCorrect: 'Nothing to correct: the record already says this.',
      dateOfBirthFuture: 'The date of birth is in the future. Check the year.',
      dateOfBirthTooOld: 'The date of birth gives an age over {{years}} years. Check the year.',
      notAtHome: 'The patient is no longer in the service’s care at home.',
      leftService: 'The patient has left the service.',
    },
    careLevel: {
      notNow: 'A patient who is “{{status}}” cannot change level of care.',
      already: 'The patient is already at this level of care.',
    },
    advanceCare: {
      physicianOnly:
        'Only a physician records a resuscitation decision or ceilings of treatment; ask the physician to record it.',
    },
    field: {
      homeVisitorsOnly: 'The field caseload is for staff who visit patients at home.',
    },
    episode: {
      restoreCoordinatorOnly: 'Only a coordinator restores visits.',
      notBackHome: 'Visits are restored once the patient is back home.',
      notHeldVisits: 'Only visits on hold for this patient can be restored.',
    },
    family: {
      careTeamOnly: 'Only the care team can change who manages the family’s access.',
      notYourself: 'You cannot remove yourself; ask the care team.',
    },
    file: {
      typeNotAccepted: 'Attach a PDF, JPEG, PNG or plain text file.',
      contentMismatch: 'The file is empty or is not the type it claims to be.',
      notMultipart: 'Send the file as a form upload.',
      missing: 'Attach a file.',
      tooLarge: 'The file is larger than {{megabytes}} MB.',
    },
    commission: {
      patientEitherOr: 'Give either an existing patient or the new patient’s details.',
      membersOnly: 'Only a member of the medical commission can record its decision.',
      alreadyDecided: 'This case has already been decided: “{{status}}”.',
      reviewBeforeDecision: 'The review date must come after the decision date.',
      patientDeceased: 'The patient has died; palliative status cannot be granted.',
    },
    programmes: {
      alreadyOnRoster: 'Already on the roster.',
      campThroughApplications: 'Camp places go through applications (with the waiting list).',
      enrolOnCourse: 'Learners enrol on the course, not on one session.',
      dateOfBirthRequired: 'Give the date of birth: this programme is for people up to {{maxAge}}.',
      tooOld: 'This programme is for people up to {{maxAge}} years old.',
      alreadyTakingPart: 'Already taking part in this session.',
      sessionFull: 'The session is full ({{capacity}} places).',
      notACourse: 'Enrolment is for training-centre courses.',
      courseFull: 'The course is full ({{capacity}} places).',
      alreadyEnrolled: 'Already enrolled.',
      sessionNotInCourse: 'This session is not part of the course.',
      sessionNotStarted: 'Attendance can be marked once the session has started.',
      courseNotCompleted: 'The learner has not completed the course yet.',
      campMedicinesClinicianOnly: 'Only a nurse or physician writes the medicines for camp.',
      notACampShift: 'Applications are for summer camp shifts.',
      campForChildren: 'The summer camp is for children under care.',
      alreadyApplied: 'This child has already applied to this shift.',
      alreadyWithdrawn: 'This application is already withdrawn.',
      clownForChildren: 'Clown doctors visit children under care.',
      clownFamilyDeclined: 'The family declined clown-doctor visits.',
      clownTerminalPhase:
        'No clown-doctor visit in the terminal phase unless the family asks for it. Record that the family asked, if they did.',
      clownBereaved: 'The child has died; no clown-doctor visit.',
      clownPhaseUnknown:
        'No phase of illness recorded in the last {{days}} days. Ask the child’s nurse or physician to record the phase first.',
      visitClosed: 'This visit is already closed.',
      visitNotDue: 'A visit can be recorded as done once its time has come.',
    },
    death: {
      patientDischarged: 'The patient was discharged from the service; a death cannot be recorded here.',
      alreadyRecorded: 'A death is already recorded for this patient.',
      inFuture: 'The time of death and of verification cannot be in the future.',
      verifiedBeforeDeath: 'Verification comes after the death.',
      certifyPhysicianOnly: 'Only a physician records the death certification.',
      disposalClinicianOnly: 'Controlled drugs are disposed of by a physician or a nurse.',
      recordClosed: 'The record is closed.',
      itemNotApplicable: 'This item does not apply where the death happened.',
      checklistOpen: 'Finish the home checklist before closing the record ({{open}} items open).',
    },
    bereavement: {
      ownerNotSupport: 'The owner must be an active member of the support team.',
      contactDone: 'This contact is already recorded.',
      riskLevelRequired: 'Record the grief-risk level.',
    },
    oncall: {
      rangeTooLong: 'Choose a range of up to two months.',
      alertOfOtherPatient: 'The linked alert is not this patient’s.',
    },
    assessment: {
      caregiverInstrument:
        'This organization screens caregivers with {{instrument}}; an administrator can change it in the settings.',
      useBradenQ: 'A child under {{years}} is scored with Braden Q (the paediatric Braden scale).',
      useBraden: 'Braden Q is for children under {{years}}; use the Braden scale.',
      correctOwnOnly: 'Only the clinician who recorded this assessment, or a physician, may correct it.',
      correctionKeepsInstrument: 'A correction keeps the instrument; record a new assessment instead.',
    },
    medicines: {
      safetyCheckBlocked:
        'The medication safety check stopped this prescription ({{problems}} to resolve): see the safety check above.',
      prescriptionEnded: 'This prescription has ended: restart it or write a new one.',
      restartOnlyEnded: 'Only an ended prescription can be restarted: change this one instead.',
      prescriptionAlreadyEnded: 'This prescription has already ended.',
      patientDeceased: 'The patient has died; doses are no longer recorded here.',
      notVerbalOrder: 'This dose was not given on a verbal order.',
      alreadyCountersigned: 'This dose has already been countersigned.',
      registerShort:
        'The register holds {{balance}} {{unit}}, less than {{quantity}} {{unit}}. Count the stock and record the count first.',
      calculatorPhysicianOnly: 'Only a physician uses the opioid calculator.',
      unknownMedicine: 'This medicine is not in the formulary.',
      routeNotForForm: 'This medicine is not given in this form by this route here.',
      verbalOrderNurseOnly: 'Only a nurse records a dose given on a physician’s verbal order.',
      verbalOrderPhysician: 'Name the physician who gave the verbal order.',
      countersignOwnOnly: 'Only the physician who gave the verbal order countersigns it.',
      periodTooLong: 'Choose a period of at most {{days}} days.',
      weighingInFuture: 'The day of the weighing cannot be in the future.',
      dosePerUnitRequired:
        'Say how many {{doseUnit}} one {{unit}} holds, so each dose is taken off the register.',
      countDiffersReason: 'The count differs from the register: say why.',
    },
    visit: {
      cannotMove: 'A visit that is “{{from}}” cannot become “{{to}}”.',
      windowInvalid: 'Give both ends of the time window, the end after the start.',
      scheduleCoordinatorOnly: 'Only a coordinator schedules visits.',
      recordOwnOnly: 'Only the staff member doing this visit (or a coordinator) can record it.',
      notStarted: 'Documentation is added to a visit that has started or finished.',
    },
    rota: {
      rangeInvalid: 'Ask for at most two months of the rota, the end after the start.',
      shiftEndsBeforeStart: 'The shift must end after it starts.',
      shiftOverlaps: 'This person already has a shift at that time.',
    },
    planning: {
      moveCoordinatorOnly: 'Only a coordinator moves visits.',
      moveDayPassed: 'A visit cannot be moved to a day that has passed.',
      visitNotMovable: 'Only a scheduled or requested visit can be moved; this one is “{{status}}”.',
      stillPlanning: 'The planner is still working; wait until the plan is ready.',
      runAlreadyPublished: 'This plan has already been published.',
      runFailed: 'This plan failed and cannot be published.',
      runDiscarded: 'This plan was discarded and cannot be published.',
      publishedNotDiscardable: 'A published plan cannot be discarded; move or cancel its visits.',
      nobodyOnShift: 'Nobody on shift today can take this visit; it cannot be dispatched.',
      sameDayVisitChanged:
        'The visit to bring forward has changed since the preview; preview the urgent visit again.',
    },
    equipment: {
      serialTaken: 'An item with this serial number is already in the store.',
      itemOnLoan: 'The item is out on a loan; finish the loan before changing its status.',
      patientNotInCare: 'Equipment is lent only to patients in the service’s care.',
      wrongKind: 'The item is not of the requested kind.',
      itemUnavailable: 'The item is not available.',
      loanAlreadyThere: 'The loan is already at this step.',
      loanStepNotAllowed: 'The loan cannot take this step from where it is now.',
      itemRequired: 'Choose the item (serial number) being delivered.',
      oxygenSafetyCheck:
        'The home oxygen safety check is not complete: ventilation, no open flame or smoking, tubes and cables safe.',
    },
    intake: {
      alreadyClosed: 'This request is already closed.',
      alreadyReferred: 'This request has already been referred to the commission.',
    },
    carePlan: {
      teamMembersOnly: 'The key worker and owners must be active members of the care team.',
      changedMeanwhile:
        'The care plan was changed by someone else (now version {{version}}). Reload it and make your change again.',
    },
    meeting: {
      attendeesStaffOnly: 'Every attendee must be an active member of staff.',
      patientTwice: 'A patient is reviewed once per meeting.',
    },
    alert: {
      changedMeanwhile: 'The alert changed while it was being raised; try again.',
      alreadyResolved: 'This alert is already resolved.',
      physicianOnly: 'Only a physician may adjust therapy or move a patient to inpatient care.',
    },
    caregiver: {
      notFamily: 'This person is not a family member of the patient.',
      skillAlreadySigned: 'This skill is already signed at this level.',
      skillOrder: 'Sign the skill in order: shown, then practised, then confident.',
      dayPassed: 'A duty cannot be added for a day that has passed.',
      alreadyOnRoster: 'This person is already on the roster for that day and time.',
      zbiItems: 'Give the wording of items {{items}}.',
    },
    support: {
      otherDiscipline: 'This referral is for another discipline.',
      referralClosed: 'This referral is closed.',
      assigneeNotTeam: 'Choose a member of the team to assign.',
      outcomeRequired: 'Say what was done before closing the referral.',
      checklistSocialWorkOnly: 'The routing checklist belongs to social work referrals.',
    },
    homeSafety: {
      itemTwice: 'Each item may be answered once.',
      actionRequired: 'Every unmet item needs an action with an owner.',
      actionForMetItem: 'Actions belong to unmet items only.',
      actionDone: 'This action is already done.',
    },
    fhir: {
      bodyNotJson: 'The body is not valid JSON.',
    },
  },
  /** What a “not found” names (`reasonThings`), as a noun that can stand alone. */
  reasonThings: reasonThingWords,
};
