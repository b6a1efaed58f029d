-- The default safety policy (CLINICAL-RULES.md): version 1. Later versions come from PUT /api/policy.
-- src/test/resources/default-policy.json holds the same document; a test keeps the two equal.
INSERT INTO policy_version (version, document, change_note, created_by, created_at) VALUES (1, $policy$
{
  "windows": {"isotretinoinWashoutMonths": 6, "intakeValidityDays": 90},
  "rules": [
    {"id": "ISOTRETINOIN", "procedures": ["MICRONEEDLING", "MICRODERMABRASION"], "outcome": "NEEDS_REVIEW",
     "frontDeskMessage": "clinician review required: medication history",
     "clinicianMessage": "Isotretinoin now or within the washout window before the appointment day: complication risk, including abnormal scarring, may be elevated; review the full medication history before either procedure.",
     "evidence": "LATIFALTOJAR-2025"},
    {"id": "KELOID_HISTORY", "procedures": ["MICRONEEDLING", "MICRODERMABRASION"], "outcome": "NEEDS_REVIEW",
     "frontDeskMessage": "clinician review required: scarring history",
     "clinicianMessage": "Keloid or hypertrophic scarring tendency: assess wound-healing and scarring risk; the stakes are higher for microneedling, which reaches the dermis.",
     "evidence": "LATIFALTOJAR-2025"},
    {"id": "ACTIVE_INFECTION", "procedures": ["MICRONEEDLING", "MICRODERMABRASION"], "outcome": "BLOCKED",
     "frontDeskMessage": "not bookable: skin condition in the treatment area must resolve first",
     "clinicianMessage": "Active skin infection or inflammation in the treatment area: no procedure until it has resolved and a new intake records that.",
     "evidence": "GUIDE-SAFETY-CONSIDERATIONS"},
    {"id": "AUTOIMMUNE", "procedures": ["MICRONEEDLING", "MICRODERMABRASION"], "outcome": "NEEDS_REVIEW",
     "frontDeskMessage": "clinician review required: medical history",
     "clinicianMessage": "Autoimmune condition: assess whether it affects wound healing before the procedure.",
     "evidence": "GUIDE-SAFETY-CONSIDERATIONS"},
    {"id": "BLOOD_THINNERS", "procedures": ["MICRONEEDLING"], "outcome": "NEEDS_REVIEW",
     "frontDeskMessage": "clinician review required: medication history",
     "clinicianMessage": "Blood-thinning medication: pinpoint bleeding is expected with microneedling; assess bleeding risk.",
     "evidence": "GUIDE-SAFETY-CONSIDERATIONS"},
    {"id": "ACTIVE_ACNE", "procedures": ["MICRONEEDLING"], "outcome": "NEEDS_REVIEW",
     "frontDeskMessage": "clinician review required: skin condition",
     "clinicianMessage": "Active acne in the treatment area: complication risk may be elevated with microneedling; assess before treating.",
     "evidence": "GUIDE-FAQ-ACNE-SCARS"},
    {"id": "INTAKE_MISSING_OR_STALE", "procedures": ["MICRONEEDLING", "MICRODERMABRASION"], "outcome": "NEEDS_INTAKE",
     "frontDeskMessage": "intake questionnaire needed: none on file, or too old for this appointment date",
     "clinicianMessage": "No valid intake for the appointment day.",
     "evidence": "policy"}
  ],
  "intervals": [
    {"from": "MICRONEEDLING", "to": "MICRODERMABRASION", "minimumDays": 14, "sameDayBlocked": true, "sameDayEvidence": "GUIDE-SAME-SESSION"},
    {"from": "MICRODERMABRASION", "to": "MICRONEEDLING", "minimumDays": 7, "sameDayBlocked": true, "sameDayEvidence": "GUIDE-SAME-SESSION"},
    {"from": "MICRONEEDLING", "to": "MICRONEEDLING", "minimumDays": 28, "sameDayBlocked": false, "sameDayEvidence": null},
    {"from": "MICRODERMABRASION", "to": "MICRODERMABRASION", "minimumDays": 14, "sameDayBlocked": false, "sameDayEvidence": null}
  ]
}
$policy$::jsonb, 'defaults from CLINICAL-RULES.md', 'system', now());
