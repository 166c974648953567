package io.newsline.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./newsline ARGS} from the repository as a separate process, the way a user does, with a time limit. */
final class LauncherProcess {
    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    private LauncherProcess() {}

    static Result run(Path workDir, Duration timeout, String... args) throws IOException, InterruptedException {
        Path root = repositoryRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("newsline").toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(workDir, "stdout-", ".txt");
        Path stderr = Files.createTempFile(workDir, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("./newsline " + String.join(" ", args) + " did not finish within " + timeout.toSeconds()
                    + " s; stderr:\n" + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Result(
                process.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Processes whose command line mentions {@code dir}: the broker and registry started there carry its path. */
    static List<String> processesMentioning(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p ->
                        p.info().commandLine().map(line -> line.contains(path)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    /** Test clean-up: kills what a failed test may have left running from {@code dir}. */
    static void killProcessesMentioning(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p ->
                        p.info().commandLine().map(line -> line.contains(path)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit()
                            .orTimeout(10, TimeUnit.SECONDS)
                            .exceptionally(e -> p)
                            .join();
                });
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("newsline.repository.root");
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath();
        for (Path candidate = dir.toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isExecutable(candidate.resolve("newsline")) && Files.isDirectory(candidate.resolve("seeds"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No Newsline checkout (with ./newsline) at or above " + dir);
    }
}
