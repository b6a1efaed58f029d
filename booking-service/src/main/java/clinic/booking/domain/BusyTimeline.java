package clinic.booking.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The merged, sorted busy periods of one resource, answering "is this range free?" by binary
 * search. Availability asks that question tens of thousands of times per request.
 */
public final class BusyTimeline {

    private final long[] starts;
    private final long[] ends;

    private BusyTimeline(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static BusyTimeline of(List<TimeRange> busy) {
        List<TimeRange> sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(TimeRange::start));
        List<long[]> merged = new ArrayList<>();
        for (TimeRange range : sorted) {
            long start = range.start().toEpochMilli();
            long end = range.end().toEpochMilli();
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && start <= last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                merged.add(new long[] { start, end });
            }
        }
        long[] starts = new long[merged.size()];
        long[] ends = new long[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            starts[i] = merged.get(i)[0];
            ends[i] = merged.get(i)[1];
        }
        return new BusyTimeline(starts, ends);
    }

    public boolean isFree(Instant from, Instant to) {
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        // the last busy period starting before our end is the only one that can overlap us
        int low = 0;
        int high = starts.length - 1;
        int candidate = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] < end) {
                candidate = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return candidate < 0 || ends[candidate] <= start;
    }
}
