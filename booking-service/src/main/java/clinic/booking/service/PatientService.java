package clinic.booking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.domain.Patient;
import clinic.booking.outbox.PatientEvents;
import clinic.web.Problem;
import clinic.web.ProblemException;

/** Patients' identity and contact details: registration, correction and look-up. */
@ApplicationScoped
public class PatientService {

    @Inject
    Clock clock;

    @Inject
    PatientRepository patients;

    @Inject
    PatientEvents events;

    @Inject
    PatientSearch finder;

    /** A patient's identity and contact details as the front desk enters them. */
    public record Details(String firstName, String lastName, String email, LocalDate dateOfBirth, String phone) {

        Details withPhone(String otherPhone) {
            return new Details(firstName, lastName, email, dateOfBirth, otherPhone);
        }

        Details normalized() {
            return new Details(firstName.strip(), lastName.strip(), email.strip(), dateOfBirth,
                    phone == null || phone.isBlank() ? null : phone.strip());
        }
    }

    /** A record that is probably the same person as the one being registered (identity only, no medical data). */
    public record LikelySame(UUID id, String firstName, String lastName, LocalDate dateOfBirth, String email) {
    }

    /** No one treated here is this old: a year typed wrong (1891 for 1981), caught before it stands in the record. */
    private static final int OLDEST_AGE_YEARS = 120;

    private void refuseImplausibleBirth(LocalDate dateOfBirth) {
        if (dateOfBirth.isBefore(LocalDate.now(clock).minusYears(OLDEST_AGE_YEARS))) {
            throw ProblemException.badRequest("dateOfBirth", "is more than " + OLDEST_AGE_YEARS + " years ago; please check the year");
        }
    }

    /**
     * Registers a patient, unless a live record is probably the same person ({@link PatientSearch#sameIdentity}):
     * then 409 naming those records, and the front desk either opens one of them or registers again
     * with {@code differentPerson} when it has checked that this is someone else.
     */
    @Transactional
    public Patient register(Details details, boolean differentPerson) {
        Details d = details.normalized();
        refuseImplausibleBirth(d.dateOfBirth());
        patients.holdIdentitiesBornOn(d.dateOfBirth());
        if (!differentPerson) {
            refuseLikelySame(d, null, "A patient with this date of birth and the same name or e-mail is registered already."
                    + " Open that record; register again as a different person only after checking that this is someone else.");
        }
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        apply(patient, d);
        patient.contactVersion = 1;
        patient.createdAt = clock.instant();
        patient.persist();
        return patient;
    }

    /**
     * Corrects the patient's identity and contact details. A real change raises the contact version
     * and is announced (first name and e-mail only), so messages not yet sent go to the new address;
     * the same details again change nothing. A change of name, date of birth or e-mail that makes the
     * record match another live one is refused like a registration, unless {@code differentPerson}.
     */
    @Transactional
    public Patient correct(UUID id, Details details, boolean differentPerson) {
        Details d = details.normalized();
        Patient patient = patients.lock(id).stream().findFirst().orElse(null);
        if (patient == null || patient.erased()) {
            throw gone(id);
        }
        Details before = new Details(patient.firstName, patient.lastName, patient.email, patient.dateOfBirth, patient.phone);
        if (before.equals(d)) {
            return patient;
        }
        if (!d.dateOfBirth().equals(before.dateOfBirth())) {
            refuseImplausibleBirth(d.dateOfBirth());
        }
        boolean identityChanged = !before.withPhone(null).equals(d.withPhone(null));
        if (identityChanged) {
            patients.holdIdentitiesBornOn(d.dateOfBirth());
        }
        if (identityChanged && !differentPerson) {
            refuseLikelySame(d, id, "With these details this record matches another patient's: the same date of birth and the"
                    + " same name or e-mail. If it is one person, an admin merges the two records; save the correction as a"
                    + " different person only after checking that this is someone else.");
        }
        apply(patient, d);
        patient.contactVersion++;
        events.contactCorrected(patient);
        return patient;
    }

    /** 409 naming the live records other than {@code self} that are probably the person these details describe. */
    private void refuseLikelySame(Details d, UUID self, String detail) {
        List<LikelySame> same = finder.sameIdentity(d.firstName(), d.lastName(), d.email(), d.dateOfBirth()).stream()
                .filter(p -> !p.id.equals(self))
                .map(p -> new LikelySame(p.id, p.firstName, p.lastName, p.dateOfBirth, p.email)).toList();
        if (!same.isEmpty()) {
            throw new ProblemException(Problem.of(409, "possible-duplicate-patient", "Possibly the same person as another record",
                    detail).with("likelySame", same));
        }
    }

    private static void apply(Patient patient, Details d) {
        patient.firstName = d.firstName();
        patient.lastName = d.lastName();
        patient.email = d.email();
        patient.dateOfBirth = d.dateOfBirth();
        patient.phone = d.phone();
    }

    /** A live patient by the id in a request's path: an erased or merged record is 410, an unknown one 404. */
    public Patient get(UUID id) {
        return patients.find(id).filter(p -> !p.erased()).orElseThrow(() -> gone(id));
    }

    /** The patient a request refers to by id in its body or query: unknown, erased or merged is the caller's mistake (422). */
    public Patient referenced(UUID id, String field) {
        return patients.find(id).filter(p -> !p.erased()).orElseThrow(() -> unknown(id, field));
    }

    static ProblemException unknown(UUID id, String field) {
        return new ProblemException(Problem.of(422, "unknown-patient", "Unknown patient", field + ": no patient with id " + id)
                .withErrors(List.of(new Problem.FieldError(field, "no patient with this id"))));
    }

    /** Why a path's patient id names no live record: merged (and into which), erased, or never known. */
    ProblemException gone(UUID id) {
        var survivor = patients.survivorOf(id);
        if (survivor.isPresent()) {
            return new ProblemException(Problem.of(410, "patient-merged", "Patient record merged",
                    "Patient " + id + " was a duplicate and was merged into patient " + survivor.get() + ".")
                    .with("mergedInto", survivor.get()));
        }
        if (patients.find(id).filter(Patient::erased).isPresent()) {
            return new ProblemException(Problem.of(410, "patient-erased", "Patient erased",
                    "Patient " + id + " was erased on request; only appointments kept for the clinic's records remain."));
        }
        return ProblemException.notFound("Patient", id);
    }

    /**
     * The other live records with the patient's e-mail. A family may share an inbox on purpose, a typo
     * sends one person's confirmations and intake links to another: either way the desk is told.
     */
    public List<Patient> sharingEmailWith(Patient patient) {
        return patient.email == null ? List.of() : finder.sharingEmail(patient.email, patient.id);
    }

    /** Patients by name in any order, e-mail, phone or date of birth, for the front desk's search box. */
    public List<Patient> search(String text) {
        return finder.search(text);
    }
}
