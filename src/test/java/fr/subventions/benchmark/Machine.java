package fr.subventions.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the figures were measured on: /proc, the JVM, the database server. */
final class Machine {

    private Machine() {
    }

    static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown");
    }

    static String memory() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal")).map(l -> {
            long kb = Long.parseLong(l.replaceAll("\\D", ""));
            return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        }).findFirst().orElse("unknown");
    }

    static String loadAverage() {
        String[] parts = read("/proc/loadavg").trim().split("\\s+");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
    }

    static double load1() {
        try {
            return Double.parseDouble(read("/proc/loadavg").trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)";
    }

    static String mariadb(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select version()", String.class);
    }

    static String kernel() {
        return read("/proc/sys/kernel/osrelease").trim();
    }

    /** Resident set size high-water mark (VmHWM) of a process, in MiB; -1 if unknown. */
    static double residentPeakMiB(long pid) {
        return statusField(pid, "VmHWM:");
    }

    static double residentMiB(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static double statusField(long pid, String field) {
        return read("/proc/" + pid + "/status").lines().filter(l -> l.startsWith(field))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).findFirst().orElse(-1.0);
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }

    static List<String> describe(JdbcTemplate jdbc) {
        return List.of(
                "CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                "RAM: " + memory(),
                "Linux " + kernel(),
                "Java: " + java(),
                "MariaDB: " + mariadb(jdbc) + " at 127.0.0.1:3306 (same machine)");
    }
}
