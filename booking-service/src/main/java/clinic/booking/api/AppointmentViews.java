package clinic.booking.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.booking.api.AppointmentDtos.AppointmentView;
import clinic.booking.api.AppointmentDtos.ScreeningView;
import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentActions;
import clinic.booking.service.BookingService;
import clinic.booking.service.AppointmentRepository;

/** Renders appointments for the API: clinic-zone times, whether a re-screen is owed, and the actions open now. */
@ApplicationScoped
public class AppointmentViews {

    @Inject
    AppointmentRepository appointments;

    @Inject
    ClinicConfig config;

    @Inject
    Clock clock;

    public AppointmentView of(Appointment a) {
        return of(a, ScreeningView.stored(a), appointments.rescreenDue(a.id));
    }

    /** Just booked or moved: the full decision (front-desk reasons, earliest date) as screening gave it. */
    public AppointmentView of(BookingService.Booked booked) {
        return of(booked.appointment(), ScreeningView.of(booked.decision(), zone()), booked.rescreenDue());
    }

    public List<AppointmentView> of(List<Appointment> list) {
        Set<java.util.UUID> due = appointments.rescreenDue(list.stream().map(a -> a.id).toList());
        return list.stream().map(a -> of(a, ScreeningView.stored(a), due.contains(a.id))).toList();
    }

    private AppointmentView of(Appointment a, ScreeningView screening, boolean rescreenDue) {
        ZoneId zone = zone();
        Instant now = clock.instant();
        return new AppointmentView(a.id, a.patientId, a.procedureCode, AppointmentDtos.local(a.startAt, zone),
                AppointmentDtos.local(a.endAt, zone), a.practitionerId, a.roomId, a.status, screening, rescreenDue,
                a.holdReason, a.cancelReason, AppointmentDtos.local(a.checkedInAt, zone), AppointmentDtos.local(a.completedAt, zone),
                AppointmentActions.available(a, rescreenDue, now, zone));
    }

    private ZoneId zone() {
        return config.timeZone();
    }
}
