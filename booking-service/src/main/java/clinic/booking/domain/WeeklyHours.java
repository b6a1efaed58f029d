package clinic.booking.domain;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A practitioner's weekly pattern of work and breaks in clinic-local time, turned into real
 * instants for a given date (so a day on which clocks change still gets the right hours).
 */
public record WeeklyHours(List<Block> blocks) {

    /** One block: ISO day of week, local start and end, work or break. */
    public record Block(int dayOfWeek, LocalTime start, LocalTime end, boolean isBreak) {
    }

    /** The open ranges on a date: work blocks with the breaks cut out. */
    public List<TimeRange> openOn(LocalDay date) {
        int day = date.date().getDayOfWeek().getValue();
        List<TimeRange> open = new ArrayList<>();
        for (Block block : blocks) {
            if (block.dayOfWeek() == day && !block.isBreak()) {
                open.add(range(date, block));
            }
        }
        for (Block block : blocks) {
            if (block.dayOfWeek() == day && block.isBreak()) {
                open = cut(open, range(date, block));
            }
        }
        return open;
    }

    private static TimeRange range(LocalDay date, Block block) {
        return new TimeRange(date.at(block.start()), date.at(block.end()));
    }

    private static List<TimeRange> cut(List<TimeRange> ranges, TimeRange hole) {
        List<TimeRange> result = new ArrayList<>();
        for (TimeRange range : ranges) {
            if (!range.overlaps(hole)) {
                result.add(range);
                continue;
            }
            if (range.start().isBefore(hole.start())) {
                result.add(new TimeRange(range.start(), hole.start()));
            }
            if (hole.end().isBefore(range.end())) {
                result.add(new TimeRange(hole.end(), range.end()));
            }
        }
        return result;
    }
}
