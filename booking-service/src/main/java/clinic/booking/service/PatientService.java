package clinic.booking.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.domain.Patient;
import clinic.web.Problem;
import clinic.web.ProblemException;

/** Patients' identity and contact details. */
@ApplicationScoped
public class PatientService {

    @Inject
    Clock clock;

    @Transactional
    public Patient register(String firstName, String lastName, String email, LocalDate dateOfBirth, String phone) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.firstName = firstName.strip();
        patient.lastName = lastName.strip();
        patient.email = email.strip();
        patient.dateOfBirth = dateOfBirth;
        patient.phone = phone == null || phone.isBlank() ? null : phone.strip();
        patient.createdAt = clock.instant();
        patient.persist();
        return patient;
    }

    public Patient get(UUID id) {
        Patient patient = Patient.findById(id);
        if (patient == null) {
            throw ProblemException.notFound("Patient", id);
        }
        return patient;
    }

    /** The patient a request refers to by id in its body or query: unknown is the caller's mistake (422). */
    public Patient referenced(UUID id, String field) {
        Patient patient = Patient.findById(id);
        if (patient == null) {
            throw unknown(id, field);
        }
        return patient;
    }

    static ProblemException unknown(UUID id, String field) {
        return new ProblemException(Problem.of(422, "unknown-patient", "Unknown patient", field + ": no patient with id " + id)
                .withErrors(List.of(new Problem.FieldError(field, "no patient with this id"))));
    }

    @Inject
    PatientSearch finder;

    /** Patients by name in any order, e-mail, phone or date of birth, for the front desk's search box. */
    public List<Patient> search(String text) {
        return finder.search(text);
    }
}
