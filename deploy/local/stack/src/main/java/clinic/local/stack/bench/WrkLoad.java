package clinic.local.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bookings in a closed loop with wrk (Debian's package): each connection sends the next request as
 * soon as the last one is answered. A Lua script hands every request a booking of its own from the
 * prepared list and counts the answers by status.
 */
final class WrkLoad {

    private static final String LUA = """
            local bodies = {}
            for line in io.lines("%s") do bodies[#bodies + 1] = line end
            local threads = {}
            local counter = 0
            function setup(thread)
              counter = counter + 1
              thread:set("id", counter)
              table.insert(threads, thread)
            end
            function init(args)
              created, other, next_index = 0, 0, id
              wrk.method = "POST"
              wrk.headers["Content-Type"] = "application/json"
              wrk.headers["Authorization"] = "Basic ZnJvbnRkZXNrOmZyb250ZGVzaw=="
            end
            function request()
              local body = bodies[next_index]
              next_index = next_index + %d
              if body == nil then body = bodies[1] end
              return wrk.format(nil, "/api/appointments", nil, body)
            end
            function response(status, headers, body)
              if status == 201 then
                created = created + 1
              else
                other = other + 1
                if refusal == nil then refusal = status .. " " .. string.sub(body or "", 1, 300) end
              end
            end
            function done(summary, latency, requests)
              local c, o, used = 0, 0, 0
              for _, thread in ipairs(threads) do
                c = c + thread:get("created"); o = o + thread:get("other")
                used = math.max(used, thread:get("next_index") - %d)
                local r = thread:get("refusal")
                if r ~= nil then io.write("REFUSED " .. r .. "\\n") end
              end
              io.write(string.format("CREATED %%d OTHER %%d USED %%d\\n", c, o, used))
              io.write(string.format("LATENCY p50 %%.1f p99 %%.1f\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
            end
            """;
    private static final Pattern CREATED = Pattern.compile("CREATED (\\d+) OTHER (\\d+) USED (\\d+)");
    private static final Pattern LATENCY = Pattern.compile("LATENCY p50 ([0-9.]+) p99 ([0-9.]+)");

    /**
     * What one run measured; {@code used} counts the requests handed out from the front of the list,
     * answered or not, so the next run starts after them.
     */
    record Result(double confirmedPerSecond, long created, long other, int used, double p50Millis, double p99Millis) {
    }

    private final String baseUrl;
    private final Path workDir;

    WrkLoad(String baseUrl, Path workDir) {
        this.baseUrl = baseUrl;
        this.workDir = workDir;
    }

    Result run(List<String> requests, int connections, int seconds) throws IOException, InterruptedException {
        int threads = Math.min(connections, 2);
        Path bodies = workDir.resolve("bookings-" + connections + ".jsonl");
        Files.write(bodies, requests);
        Path script = workDir.resolve("bookings-" + connections + ".lua");
        Files.writeString(script, LUA.formatted(bodies, threads, threads));
        String output = Tools.run(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), baseUrl));
        Matcher created = CREATED.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!created.find() || !latency.find()) {
            throw new IOException("wrk printed no counts:\n" + output);
        }
        // the first answer other than 201 of each thread, so a run that books nothing says why
        output.lines().filter(line -> line.startsWith("REFUSED ")).forEach(line -> System.out.println("  wrk: " + line));
        long ok = Long.parseLong(created.group(1));
        return new Result(ok / (double) seconds, ok, Long.parseLong(created.group(2)), Math.min(requests.size(), Integer.parseInt(created.group(3))),
                Double.parseDouble(latency.group(1)), Double.parseDouble(latency.group(2)));
    }
}
