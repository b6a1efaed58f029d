package clinic.content.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import clinic.content.domain.AftercareCatalog.AftercareStep;

class AftercareCatalogTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    static Stream<Arguments> timelines() {
        return Stream.of(
                Arguments.of("day completion, winter", Procedure.MICRONEEDLING, "2030-01-15T09:00:00Z",
                        "2030-01-15T09:00:00Z 2030-01-16T09:00:00Z 2030-01-17T09:00:00Z 2030-01-18T09:00:00Z 2030-01-22T09:00:00Z"),
                Arguments.of("late completion 22:30 local: the first at once, each later step at 21:00 on its own day",
                        Procedure.MICRONEEDLING, "2030-01-15T21:30:00Z",
                        "2030-01-15T21:30:00Z 2030-01-16T20:00:00Z 2030-01-17T20:00:00Z 2030-01-18T20:00:00Z 2030-01-22T20:00:00Z"),
                Arguments.of("completion at 01:00 local: later steps at 08:00 of their day", Procedure.MICRONEEDLING,
                        "2030-01-15T00:00:00Z",
                        "2030-01-15T00:00:00Z 2030-01-16T07:00:00Z 2030-01-17T07:00:00Z 2030-01-18T07:00:00Z 2030-01-22T07:00:00Z"),
                // 10:00 CET on 28 March; clocks go forward on 31 March: +72 h is 11:00 CEST, +7 days is 10:00 CEST
                Arguments.of("across the spring daylight-saving change", Procedure.MICRONEEDLING, "2030-03-28T09:00:00Z",
                        "2030-03-28T09:00:00Z 2030-03-29T09:00:00Z 2030-03-30T09:00:00Z 2030-03-31T09:00:00Z 2030-04-04T08:00:00Z"),
                Arguments.of("microdermabrasion", Procedure.MICRODERMABRASION, "2030-01-15T13:00:00Z",
                        "2030-01-15T13:00:00Z 2030-01-16T13:00:00Z"),
                Arguments.of("consultation has no aftercare", Procedure.CONSULTATION, "2030-01-15T13:00:00Z", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void stepsAreAnchoredToCompletionAndNeverAtNight(String name, Procedure procedure, String completedAt, String expected) {
        List<Instant> due = AftercareCatalog.plan(procedure).stream()
                .map(s -> s.essential() ? s.dueAfter(Instant.parse(completedAt), WARSAW)
                        : QuietHours.nearestDaytime(s.dueAfter(Instant.parse(completedAt), WARSAW), WARSAW))
                .toList();
        List<Instant> want = expected.isEmpty() ? List.of() : Arrays.stream(expected.split(" ")).map(Instant::parse).toList();
        assertEquals(want, due);
    }

    @Test
    void microneedlingPlanIsCompletion24h48h72hAndOneWeek() {
        assertEquals(List.of("PT0S", "PT24H", "PT48H", "PT72H", "P7D"),
                AftercareCatalog.plan(Procedure.MICRONEEDLING).stream().map(AftercareStep::offset).toList());
        assertEquals(List.of("PT0S", "PT24H"),
                AftercareCatalog.plan(Procedure.MICRODERMABRASION).stream().map(AftercareStep::offset).toList());
    }

    @Test
    void onlyTheAtCompletionStepIsEssential() {
        for (Procedure p : Procedure.values()) {
            for (AftercareStep s : AftercareCatalog.plan(p)) {
                assertEquals(s.offset().equals("PT0S"), s.essential(), p + " " + s.step());
            }
        }
    }

    @Test
    void contentMakesNoClaimTheReferenceDoesNotSupport() {
        for (Procedure p : Procedure.values()) {
            String all = String.join("\n", p.preVisitNotes()) + "\n" + AftercareCatalog.plan(p).stream()
                    .map(s -> s.title() + s.whatIsNormal() + s.advice()).reduce("", String::concat);
            String lower = all.toLowerCase(Locale.ROOT);
            for (String claim : List.of("collagen", "acne scar", "better for", "remodel", "guarantee")) {
                assertFalse(lower.contains(claim), p + " must not mention '" + claim + "'");
            }
        }
    }

    @Test
    void everyStepCitesKnownReferencesIncludingTheRedFlagSource() {
        for (Procedure p : Procedure.values()) {
            for (AftercareStep s : AftercareCatalog.plan(p)) {
                assertTrue(s.references().contains(AftercareCatalog.RED_FLAGS_REFERENCE), s.step());
                s.references().forEach(key -> assertTrue(AftercareCatalog.REFERENCES.containsKey(key), key));
            }
        }
        assertEquals(4, AftercareCatalog.RED_FLAGS.size());
    }
}
