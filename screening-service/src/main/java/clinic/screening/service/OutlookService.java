package clinic.screening.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.screening.api.Outlook;
import clinic.screening.api.OutlookRequest;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.IntakeRepository;
import clinic.screening.domain.PolicyVersion;
import clinic.screening.domain.ScreeningDecisionRepository;
import clinic.screening.policy.ClinicianConfirmation;
import clinic.screening.policy.Evaluation;
import clinic.screening.policy.IntakeAnswers;
import clinic.screening.policy.Outcome;
import clinic.screening.policy.PolicyDocument;
import clinic.screening.policy.Reason;
import clinic.screening.policy.ReasonCategory;
import clinic.screening.policy.ScheduledProcedure;
import clinic.screening.policy.ScreeningRules;
import clinic.web.ProblemException;

/**
 * What screening would answer on each day of a range, through the same rule code as a screening,
 * so the booking screens can say why a day has no times for a patient and which day is the first
 * that has. Nothing is stored: it is a forecast, and the booking itself is screened as always.
 */
@ApplicationScoped
public class OutlookService {

    static final int MAX_DAYS = 62;
    /** How far past a blocked run the earliest eligible day is looked for. */
    static final int LOOK_AHEAD_DAYS = 730;

    private final PolicyService policies;
    private final IntakeRepository intakes;
    private final ScreeningDecisionRepository decisions;
    private final ClinicTime time;

    public OutlookService(PolicyService policies, IntakeRepository intakes, ScreeningDecisionRepository decisions, ClinicTime time) {
        this.policies = policies;
        this.intakes = intakes;
        this.decisions = decisions;
        this.time = time;
    }

    @Transactional
    public Outlook outlook(OutlookRequest request) {
        if (request.to().isBefore(request.from())) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) + 1 > MAX_DAYS) {
            throw ProblemException.badRequest("to", "the range may cover at most " + MAX_DAYS + " days");
        }
        PolicyVersion policy = policies.active();
        List<ScheduledProcedure> others = OtherAppointments.consider(request.appointmentId(), request.otherAppointments(), time)
                .counted();
        Optional<IntakeAnswers> intake = intakes.latestAnswers(request.patientId());
        List<ClinicianConfirmation.Earlier> earlier = request.appointmentId() == null ? List.of()
                : decisions.earlierForAppointment(request.appointmentId());
        List<Outlook.Run> runs = new ArrayList<>();
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            Evaluation evaluation = evaluate(policy.document, request, day, intake, others, earlier);
            List<ReasonCategory> categories = categories(evaluation);
            Outlook.Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last.outcome() == evaluation.outcome() && last.categories().equals(categories)
                    && last.last().plusDays(1).equals(day)) {
                runs.set(runs.size() - 1, new Outlook.Run(last.first(), day, last.outcome(), categories, null));
            } else {
                runs.add(new Outlook.Run(day, day, evaluation.outcome(), categories, null));
            }
        }
        List<Outlook.Run> withEarliest = runs.stream().map(run -> bookable(run.outcome()) ? run
                : new Outlook.Run(run.first(), run.last(), run.outcome(), run.categories(),
                        earliestAfter(policy.document, request, run.last(), intake, others, earlier)))
                .toList();
        return new Outlook(request.patientId(), request.procedure(), request.from(), request.to(),
                intake.map(IntakeAnswers::version).orElse(null), withEarliest);
    }

    private Evaluation evaluate(PolicyDocument policy, OutlookRequest request, LocalDate day, Optional<IntakeAnswers> intake,
            List<ScheduledProcedure> others, List<ClinicianConfirmation.Earlier> earlier) {
        Evaluation evaluation = ScreeningRules.evaluate(policy, request.procedure(), day, intake, others);
        return request.appointmentId() == null ? evaluation : ClinicianConfirmation.apply(evaluation, earlier, intake);
    }

    /**
     * The first day after {@code after} that is bookable with the patient's present answers. Looked
     * for as if the intake stayed valid: an intake that runs out meanwhile is asked for again at the
     * desk anyway, and the day that matters is the one the medical rules and intervals allow.
     */
    private LocalDate earliestAfter(PolicyDocument policy, OutlookRequest request, LocalDate after, Optional<IntakeAnswers> intake,
            List<ScheduledProcedure> others, List<ClinicianConfirmation.Earlier> earlier) {
        if (intake.isEmpty()) {
            return null;
        }
        PolicyDocument lasting = new PolicyDocument(new PolicyDocument.Windows(policy.windows().isotretinoinWashoutMonths(),
                Integer.MAX_VALUE / 4), policy.rules(), policy.intervals());
        for (LocalDate day = after.plusDays(1); !day.isAfter(after.plusDays(LOOK_AHEAD_DAYS)); day = day.plusDays(1)) {
            if (bookable(evaluate(lasting, request, day, intake, others, earlier).outcome())) {
                return day;
            }
        }
        return null;
    }

    private static boolean bookable(Outcome outcome) {
        return outcome == Outcome.CLEARED || outcome == Outcome.NEEDS_REVIEW;
    }

    private static List<ReasonCategory> categories(Evaluation evaluation) {
        return evaluation.reasons().stream().map(Reason::ruleId).map(ReasonCategory::of).distinct().toList();
    }
}
