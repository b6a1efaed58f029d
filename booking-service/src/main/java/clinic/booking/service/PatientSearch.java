package clinic.booking.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import clinic.booking.domain.Patient;

/**
 * The front desk's patient search: one box for a name in any order ("Alpha Walk" and "Walk Alpha"),
 * with or without its accents ("Wojcik" finds "Wójcik"),
 * part of an e-mail, a phone number however it is spaced, or a date of birth (2001-04-30,
 * 30.04.2001 or 30/04/2001). Every word must match something; the most likely patients come first.
 */
@ApplicationScoped
public class PatientSearch {

    static final int LIMIT = 50;
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile("(\\d{1,2})[./](\\d{1,2})[./](\\d{4})");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()/.-]+");

    @Inject
    EntityManager em;

    public List<Patient> search(String text) {
        if (text == null || text.isBlank()) {
            return em.createQuery("from Patient p where p.erasedAt is null order by lower(p.lastName), lower(p.firstName)", Patient.class)
                    .setMaxResults(LIMIT).getResultList();
        }
        String query = text.strip();
        String digits = query.replaceAll("[^0-9]", "");
        // a whole query that looks like a phone number is one, even when typed with spaces ("+48 600 100 200")
        if (date(query) == null && PHONE.matcher(query).matches() && digits.length() >= 4) {
            return em.createNativeQuery("SELECT * FROM patient WHERE erased_at IS NULL AND regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') "
                    + "LIKE ?1 ORDER BY lower(last_name), lower(first_name) LIMIT " + LIMIT, Patient.class)
                    .setParameter(1, "%" + digits + "%").getResultList().stream().map(Patient.class::cast).toList();
        }
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String word : query.split("\\s+")) {
            if (!where.isEmpty()) {
                where.append(" AND ");
            }
            LocalDate born = date(word);
            if (born != null) {
                params.add(born);
                where.append("date_of_birth = ?").append(params.size());
            } else {
                params.add("%" + like(word.toLowerCase(Locale.ROOT)) + "%");
                int p = params.size();
                where.append("(lower(unaccent(first_name)) LIKE unaccent(?").append(p).append(") ESCAPE '\\' OR lower(unaccent(last_name)) LIKE unaccent(?").append(p).append(")")
                        .append(" ESCAPE '\\' OR lower(email) LIKE ?").append(p).append(" ESCAPE '\\'");
                // a word written as a phone number (digits, spaces, + ( ) / . -) is one; a word with letters
                // is a name or an e-mail, whose digits ("Strict5a31276b") must not find a phone number
                String wordDigits = word.replaceAll("[^0-9]", "");
                if (PHONE.matcher(word).matches() && wordDigits.length() >= 4) {
                    params.add("%" + wordDigits + "%");
                    where.append(" OR regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') LIKE ?").append(params.size());
                }
                where.append(')');
            }
        }
        var sql = em.createNativeQuery("SELECT * FROM patient WHERE erased_at IS NULL AND " + where
                + " ORDER BY lower(last_name), lower(first_name) LIMIT " + LIMIT, Patient.class);
        for (int i = 0; i < params.size(); i++) {
            sql.setParameter(i + 1, params.get(i));
        }
        return sql.getResultList().stream().map(Patient.class::cast).toList();
    }

    /**
     * Live records that are probably this person already: the same date of birth and the same name
     * (either order, any case, with or without accents) or the same e-mail address (any case). Screening's interval rules count
     * one patient's appointments, so a second record for one person would let them pass.
     */
    public List<Patient> sameIdentity(String firstName, String lastName, String email, LocalDate dateOfBirth) {
        return em.createNativeQuery("""
                SELECT * FROM patient WHERE erased_at IS NULL AND date_of_birth = ?1
                   AND ((lower(unaccent(first_name)) = lower(unaccent(?2)) AND lower(unaccent(last_name)) = lower(unaccent(?3)))
                     OR (lower(unaccent(first_name)) = lower(unaccent(?3)) AND lower(unaccent(last_name)) = lower(unaccent(?2)))
                     OR lower(email) = lower(?4))
                 ORDER BY created_at LIMIT 10""", Patient.class)
                .setParameter(1, dateOfBirth).setParameter(2, firstName).setParameter(3, lastName).setParameter(4, email)
                .getResultList().stream().map(Patient.class::cast).toList();
    }

    /** Other live records with this e-mail address (any case): their messages reach the same inbox. */
    public List<Patient> sharingEmail(String email, UUID self) {
        return em.createNativeQuery("""
                SELECT * FROM patient WHERE erased_at IS NULL AND lower(email) = lower(?1) AND id <> ?2
                 ORDER BY created_at LIMIT 10""", Patient.class)
                .setParameter(1, email).setParameter(2, self)
                .getResultList().stream().map(Patient.class::cast).toList();
    }

    /** A date of birth as typed, or null when the word is not one. */
    static LocalDate date(String word) {
        try {
            Matcher iso = ISO_DATE.matcher(word);
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
            }
            Matcher dayFirst = DAY_FIRST_DATE.matcher(word);
            if (dayFirst.matches()) {
                return LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1)));
            }
        } catch (java.time.DateTimeException | NumberFormatException notADate) {
            return null;
        }
        return null;
    }

    private static String like(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
