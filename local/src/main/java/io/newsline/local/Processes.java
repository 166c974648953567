package io.newsline.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting, finding and stopping the child processes of the local stack, and small network helpers. */
public final class Processes {
    private static final Path DEV_NULL = Path.of(File.separatorChar == '/' ? "/dev/null" : "NUL");
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private Processes() {}

    /**
     * Starts {@code command} with its output appended to {@code logFile}. A detached process gets a session of
     * its own (through {@code setsid} where there is one), so it outlives this JVM and the terminal's signals;
     * {@code setsid} replaces itself with the command, so the PID is the command's.
     */
    public static Process launch(List<String> command, Path workDir, Path logFile, boolean detached) {
        List<String> full = new ArrayList<>();
        if (detached) {
            SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(s -> full.add(s.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL.toFile()));
        // Quarkus and Kafka's scripts read these; a developer's shell must not change what we configure.
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("QUARKUS_")
                        || name.startsWith("APICURIO_")
                        || name.startsWith("KAFKA_")
                        || name.equals("JAVA_TOOL_OPTIONS")
                        || name.equals("JDK_JAVA_OPTIONS"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        }
    }

    /** The running process recorded in {@code pidFile}, if it is still alive and is the one we started. */
    public static Optional<ProcessHandle> fromPidFile(Path pidFile, String marker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> isOurs(handle, marker));
    }

    /**
     * Whether the process carries our marker argument: a PID file can outlive its process, and the PID can be
     * reused by an unrelated one. Where the OS does not tell the command line, the PID is trusted.
     */
    static boolean isOurs(ProcessHandle handle, String marker) {
        Optional<String> commandLine = handle.info().commandLine();
        Optional<String[]> arguments = handle.info().arguments();
        if (arguments.isPresent()) {
            return List.of(arguments.get()).contains(marker);
        }
        return commandLine.map(line -> line.contains(marker)).orElse(true);
    }

    public static void writePid(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, pid + System.lineSeparator(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pidFile, e);
        }
    }

    /**
     * Stops a process and everything it started: SIGTERM (a clean shutdown), then after {@code grace} SIGKILL.
     *
     * @return true if it is gone
     */
    public static boolean stop(ProcessHandle process, Duration grace) {
        // Collected first: once the process is gone its children are re-parented and no longer found this way.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean gone = awaitExit(process, grace);
        if (!gone) {
            process.destroyForcibly();
            gone = awaitExit(process, Duration.ofSeconds(10));
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
                awaitExit(child, Duration.ofSeconds(5));
            }
        }
        return gone;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * JVM options for a class-data-sharing archive of the program's classes at {@code archive}: made by the first
     * run, used by the next ones, which then start markedly faster (Apicurio: about 9 s down to 5 s). Java 19+
     * maintains the archive itself; Java 17 and 18 write it at the first run's exit. A stale or broken archive is
     * ignored by the JVM.
     */
    public static List<String> classDataSharing(int javaFeatureVersion, Path archive) {
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            return List.of(); // no cache then; it is only about start-up time
        }
        if (javaFeatureVersion >= 19) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        }
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto")
                : List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    /** A TCP port on the loopback interface that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on the loopback interface", e);
        }
    }

    /** Whether something can bind {@code port} on the loopback interface right now. */
    public static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something accepts TCP connections on the loopback interface at {@code port}. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last {@code lines} lines of a log, for error messages. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
