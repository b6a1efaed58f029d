package clinic.booking.domain;

import java.time.Instant;

/** A half-open range of instants [start, end). */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
