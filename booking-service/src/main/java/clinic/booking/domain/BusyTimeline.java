package clinic.booking.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The merged, sorted busy periods of one resource, answering "is this range free?" by binary
 * search over epoch milliseconds. Availability asks that question tens of thousands of times per
 * request, so it works on primitive arrays rather than objects.
 */
public final class BusyTimeline {

    private static final BusyTimeline EMPTY = new BusyTimeline(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;

    private BusyTimeline(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static BusyTimeline empty() {
        return EMPTY;
    }

    public static BusyTimeline of(List<TimeRange> busy) {
        Builder builder = new Builder();
        busy.forEach(range -> builder.add(range.start().toEpochMilli(), range.end().toEpochMilli()));
        return builder.build();
    }

    /** Collects busy periods in any order and overlap; {@link #build()} sorts and merges them. */
    public static final class Builder {

        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private int size;

        public Builder add(long startMillis, long endMillis) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = startMillis;
            ends[size] = endMillis;
            size++;
            return this;
        }

        public BusyTimeline build() {
            Integer[] order = new Integer[size];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
            long[] mergedStarts = new long[size];
            long[] mergedEnds = new long[size];
            int merged = 0;
            for (int i : order) {
                if (merged > 0 && starts[i] <= mergedEnds[merged - 1]) {
                    mergedEnds[merged - 1] = Math.max(mergedEnds[merged - 1], ends[i]);
                } else {
                    mergedStarts[merged] = starts[i];
                    mergedEnds[merged] = ends[i];
                    merged++;
                }
            }
            return new BusyTimeline(Arrays.copyOf(mergedStarts, merged), Arrays.copyOf(mergedEnds, merged));
        }
    }

    /** Whether nothing busy overlaps the half-open range [from, to), in epoch milliseconds. */
    public boolean isFree(long from, long to) {
        // the last busy period starting before our end is the only one that can overlap us
        int low = 0;
        int high = starts.length - 1;
        int candidate = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] < to) {
                candidate = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return candidate < 0 || ends[candidate] <= from;
    }
}
