package clinic.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Linux's /proc tells about a process's memory (in kB: VmRSS, VmHWM, ...) and CPU time, and the machine's CPU time and load. */
public final class ProcStatus {

    private ProcStatus() {
    }

    public static Map<String, Long> kilobytes(long pid) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            String[] parts = line.split(":\\s+");
            if (parts.length == 2 && parts[1].endsWith(" kB")) {
                values.put(parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
            }
        }
        return values;
    }

    /** Linux's clock tick for CPU times in /proc (USER_HZ): 100 on every architecture the clinic runs on. */
    private static final long MILLIS_PER_TICK = 10;

    /** The CPU time (user and system) a process has used so far, in milliseconds. */
    public static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the fields after the command name (which may hold spaces): state is the first, utime the 12th, stime the 13th
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /** The CPU time all the machine's cores have spent busy so far (everything but idle and waiting for I/O), in milliseconds. */
    public static long machineBusyMillis() throws IOException {
        // user nice system idle iowait irq softirq steal
        return machineMillis(1, 2, 3, 6, 7, 8);
    }

    /**
     * The CPU time the hypervisor gave to others while this machine's cores wanted it (steal), in
     * milliseconds; part of {@link #machineBusyMillis()}.
     */
    public static long machineStolenMillis() throws IOException {
        return machineMillis(8);
    }

    private static long machineMillis(int... fields) throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long ticks = 0;
        for (int field : fields) {
            ticks += Long.parseLong(cpu[field]);
        }
        return ticks * MILLIS_PER_TICK;
    }

    /** The 1-minute load average: how busy the machine was with this and everything else. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
