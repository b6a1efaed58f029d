package clinic.content.mail;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The RFC 5545 VTIMEZONE (3.6.5) of the clinic's zone, from the JDK's own time-zone rules: one
 * STANDARD or DAYLIGHT observance per yearly transition rule, repeating from 1970 with an RRULE.
 * Written by hand for the same reason as {@link CalendarWriter}: a calendar library would bring
 * its own copy of the time-zone database into the service for a dozen lines, and the tests check
 * these observances against java.time with ical4j, an independent reading of the RFC.
 */
final class VTimeZoneWriter {

    private static final int BASE_YEAR = 1970;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String[] DAYS = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

    private VTimeZoneWriter() {
    }

    static List<String> lines(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VTIMEZONE");
        lines.add("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = new ArrayList<>(rules.getTransitionRules());
        if (yearly.isEmpty()) {
            // no daylight saving (any more): the offset after the last transition holds for good
            List<ZoneOffsetTransition> past = rules.getTransitions();
            ZoneOffset offset = past.isEmpty() ? rules.getOffset(Instant.EPOCH) : past.get(past.size() - 1).getOffsetAfter();
            observance(lines, "STANDARD", LocalDateTime.of(BASE_YEAR, 1, 1, 0, 0), offset, offset, null);
        } else {
            yearly.sort(Comparator.comparing(ZoneOffsetTransitionRule::getMonth));
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition first = rule.createTransition(BASE_YEAR);
                String type = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds()
                        ? "DAYLIGHT" : "STANDARD";
                observance(lines, type, first.getDateTimeBefore(), rule.getOffsetBefore(), rule.getOffsetAfter(), rrule(rule));
            }
        }
        lines.add("END:VTIMEZONE");
        return lines;
    }

    private static void observance(List<String> lines, String type, LocalDateTime onset, ZoneOffset from, ZoneOffset to,
            String rrule) {
        lines.add("BEGIN:" + type);
        lines.add("DTSTART:" + LOCAL.format(onset));
        lines.add("TZOFFSETFROM:" + offset(from));
        lines.add("TZOFFSETTO:" + offset(to));
        if (rrule != null) {
            lines.add("RRULE:" + rrule);
        }
        lines.add("END:" + type);
    }

    /** The yearly recurrence of a transition: "last Sunday of March" is BYDAY=-1SU, "second Sunday" 2SU. */
    static String rrule(ZoneOffsetTransitionRule rule) {
        Month month = rule.getMonth();
        int dom = rule.getDayOfMonthIndicator();
        String base = "FREQ=YEARLY;BYMONTH=" + month.getValue() + ";";
        if (rule.getDayOfWeek() == null) {
            return base + "BYMONTHDAY=" + dom;
        }
        String day = DAYS[rule.getDayOfWeek().getValue() - 1];
        if (dom > 0 && (dom - 1) % 7 == 0 && dom <= 22) {
            return base + "BYDAY=" + ((dom - 1) / 7 + 1) + day;
        }
        boolean fixedLength = month.minLength() == month.maxLength();
        if ((dom == -1) || (dom > 0 && fixedLength && dom + 6 == month.maxLength())) {
            return base + "BYDAY=-1" + day;
        }
        // "on or after day N" (or "on or before"): the weekday among the seven days it may fall on
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(Integer.toString(dom > 0 ? dom + i : dom - i));
        }
        return base + "BYDAY=" + day + ";BYMONTHDAY=" + String.join(",", days);
    }

    /** UTC offset as RFC 5545 3.3.14 writes it: +HHMM, or +HHMMSS when there are seconds. */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, (abs / 60) % 60);
        return abs % 60 == 0 ? text : text + String.format(Locale.ROOT, "%02d", abs % 60);
    }
}
