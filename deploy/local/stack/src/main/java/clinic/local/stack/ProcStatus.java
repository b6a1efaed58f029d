package clinic.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A process's memory figures in kB (VmRSS, VmHWM, ...) from Linux's /proc/&lt;pid&gt;/status. */
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
}
