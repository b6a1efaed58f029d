package clinic.booking.api;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.WorkingHours;

/** Request and response bodies of the catalog API: procedures, rooms, practitioners, time off. */
public final class CatalogDtos {

    private CatalogDtos() {
    }

    /** How a procedure is booked: its length, the buffer after it, the room type it needs. */
    public record ProcedureView(ProcedureCode code, @NotBlank @Size(max = 100) String name,
            @NotNull @Min(5) @Max(480) Integer durationMinutes, @NotNull @Min(0) @Max(240) Integer bufferAfterMinutes,
            @NotBlank @Size(max = 60) String roomType) {
    }

    /** A room or device station of a type. */
    public record RoomView(UUID id, @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 60) String roomType,
            Boolean active) {
    }

    /** One weekly block in clinic-local time; BREAK blocks cut time out of WORK blocks. */
    public record HoursBlock(@NotNull @Min(1) @Max(7) Integer dayOfWeek, @NotNull LocalTime start, @NotNull LocalTime end,
            WorkingHours.Kind kind) {
    }

    /** A practitioner with their weekly hours. */
    public record PractitionerView(UUID id, @NotBlank @Size(max = 100) String name, Boolean active,
            @NotNull List<@Valid HoursBlock> weeklyHours) {
    }

    /** A period a practitioner is away. */
    public record TimeOffView(UUID id, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end, @Size(max = 200) String reason) {
    }
}
