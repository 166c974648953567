package io.newsline.common;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a Java runtime of at least a given feature version on this machine, for programs that must run on a
 * newer Java than the build (Apicurio Registry 3 needs 21, the build targets 17). Used by the testkit's registry
 * and by {@code newsline local}/{@code demo}. Looked at in this order:
 *
 * <ol>
 *   <li>system property {@value #JAVA_HOME_PROPERTY}, then environment variable {@value #JAVA_HOME_ENV} (an
 *       explicit choice: if it is not a usable Java of the right version, that is an error, not a fallback);
 *   <li>the Java running this code;
 *   <li>{@code JAVA_HOME};
 *   <li>the {@code java} on the {@code PATH};
 *   <li>the usual install locations ({@code /usr/lib/jvm/*}, SDKMAN, IntelliJ's {@code ~/.jdks}, macOS and
 *       Windows defaults...), where the lowest suitable version wins, being the most conservative choice.
 * </ol>
 *
 * A candidate's version comes from the {@code release} file every JDK and JRE image has since Java 9, so no
 * process is started to find out.
 */
public final class JavaRuntimes {
    public static final String JAVA_HOME_PROPERTY = "newsline.registry.java.home";
    public static final String JAVA_HOME_ENV = "NEWSLINE_REGISTRY_JAVA_HOME";

    private static final Pattern JAVA_VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?.*");

    /** A Java installation and its feature version (17, 21, 25...). */
    public record JavaRuntime(Path home, int featureVersion) {
        /** The {@code java} launcher of this runtime ({@code bin/java}, or {@code bin/java.exe} on Windows). */
        public Path javaExecutable() {
            return executableIn(home).orElseGet(() -> home.resolve("bin").resolve("java"));
        }
    }

    private JavaRuntimes() {}

    /** The Java running this code. */
    public static JavaRuntime current() {
        return new JavaRuntime(
                Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /**
     * The Java runtime to use for {@code program}, which needs at least {@code minimumFeatureVersion}.
     *
     * @param program what needs it, for the error message (e.g. "Apicurio Registry 3")
     * @throws IllegalStateException with what to install or set when there is none
     */
    public static JavaRuntime findAtLeast(int minimumFeatureVersion, String program) {
        Path userHome = Path.of(System.getProperty("user.home"));
        JavaRuntime current = current();
        return find(
                minimumFeatureVersion,
                program,
                System::getProperty,
                System::getenv,
                current.home(),
                current.featureVersion(),
                defaultSearchRoots(userHome, System.getenv("ProgramFiles")));
    }

    /** The feature version recorded in {@code javaHome/release}, if that file is there and readable. */
    public static OptionalInt featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return OptionalInt.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        String version =
                properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
        Matcher matcher = JAVA_VERSION.matcher(version);
        if (!matcher.matches()) {
            return OptionalInt.empty();
        }
        int first = Integer.parseInt(matcher.group(1));
        // Java 8 and older call themselves 1.8.0_x.
        return OptionalInt.of(first == 1 && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : first);
    }

    /** The search, with every input explicit so it can be tested without the machine's own JDKs. */
    static JavaRuntime find(
            int minimum,
            String program,
            UnaryOperator<String> systemProperties,
            UnaryOperator<String> environment,
            Path currentHome,
            int currentFeatureVersion,
            List<Path> searchRoots) {
        String needs = program + " needs Java " + minimum + " or newer";
        String explicitSource = null;
        String explicit = systemProperties.apply(JAVA_HOME_PROPERTY);
        if (isSet(explicit)) {
            explicitSource = "system property " + JAVA_HOME_PROPERTY;
        } else {
            explicit = environment.apply(JAVA_HOME_ENV);
            if (isSet(explicit)) {
                explicitSource = "environment variable " + JAVA_HOME_ENV;
            }
        }
        if (explicitSource != null) {
            Path home = Path.of(explicit.trim());
            OptionalInt version = featureVersion(home);
            if (executableIn(home).isEmpty() || version.isEmpty() || version.getAsInt() < minimum) {
                String why = executableIn(home).isEmpty()
                        ? "it has no bin/java"
                        : version.isEmpty()
                                ? "it has no release file with a JAVA_VERSION"
                                : "its release file says Java " + version.getAsInt();
                throw new IllegalStateException(
                        needs + ", and " + explicitSource + " points to " + home + ", which is not one (" + why + ").");
            }
            return new JavaRuntime(home, version.getAsInt());
        }

        if (currentFeatureVersion >= minimum && executableIn(currentHome).isPresent()) {
            return new JavaRuntime(currentHome, currentFeatureVersion);
        }
        List<String> looked = new ArrayList<>();
        looked.add("the running Java (" + currentFeatureVersion + ", " + currentHome + ")");

        String javaHome = environment.apply("JAVA_HOME");
        if (isSet(javaHome)) {
            Optional<JavaRuntime> fromJavaHome = suitable(Path.of(javaHome.trim()), minimum);
            if (fromJavaHome.isPresent()) {
                return fromJavaHome.get();
            }
            looked.add("JAVA_HOME (" + javaHome + ")");
        }

        Optional<JavaRuntime> onPath = fromPath(environment.apply("PATH"), minimum);
        if (onPath.isPresent()) {
            return onPath.get();
        }
        looked.add("the java on the PATH");

        Optional<JavaRuntime> installed = searchRoots.stream()
                .flatMap(root -> children(root).stream())
                .flatMap(dir -> suitable(dir, minimum)
                        .or(() -> suitable(dir.resolve("Contents/Home"), minimum)) // macOS bundles
                        .stream())
                .min(Comparator.comparingInt(JavaRuntime::featureVersion)
                        .thenComparing(runtime -> runtime.home().toString()));
        if (installed.isPresent()) {
            return installed.get();
        }
        looked.add("every directory under " + searchRoots);

        throw new IllegalStateException(needs + ". No Java " + minimum + " or newer found; looked at "
                + String.join(", ", looked) + ". Install one (e.g. `sudo apt-get install openjdk-" + minimum
                + "-jre-headless`, or Eclipse Temurin " + minimum + " from https://adoptium.net), and point "
                + JAVA_HOME_ENV + " (or -D" + JAVA_HOME_PROPERTY + ") at it if it is not found by itself.");
    }

    static List<Path> defaultSearchRoots(Path userHome, String programFiles) {
        List<Path> roots = new ArrayList<>(List.of(
                Path.of("/usr/lib/jvm"),
                Path.of("/usr/lib64/jvm"),
                Path.of("/usr/java"),
                Path.of("/usr/local/lib/jvm"),
                Path.of("/opt/java"),
                Path.of("/opt"),
                Path.of("/Library/Java/JavaVirtualMachines"),
                userHome.resolve(".sdkman/candidates/java"),
                userHome.resolve(".jdks"),
                userHome.resolve(".asdf/installs/java"),
                userHome.resolve("Library/Java/JavaVirtualMachines")));
        if (isSet(programFiles)) {
            for (String vendor : List.of("Java", "Eclipse Adoptium", "Microsoft", "Zulu", "Amazon Corretto")) {
                roots.add(Path.of(programFiles, vendor));
            }
        }
        return roots;
    }

    private static Optional<JavaRuntime> fromPath(String path, int minimum) {
        if (!isSet(path)) {
            return Optional.empty();
        }
        for (String entry : path.split(File.pathSeparator)) {
            for (String name : List.of("java", "java.exe")) {
                Path java = Path.of(entry.isBlank() ? "." : entry, name);
                if (Files.isRegularFile(java) && Files.isExecutable(java)) {
                    // Only the first java on the PATH counts. /usr/bin/java is usually a chain of symlinks
                    // into the real JDK, whose bin/.. holds the release file.
                    try {
                        Path home = java.toRealPath().getParent().getParent();
                        return home == null ? Optional.empty() : suitable(home, minimum);
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JavaRuntime> suitable(Path home, int minimum) {
        if (executableIn(home).isEmpty()) {
            return Optional.empty();
        }
        OptionalInt version = featureVersion(home);
        return version.isPresent() && version.getAsInt() >= minimum
                ? Optional.of(new JavaRuntime(home, version.getAsInt()))
                : Optional.empty();
    }

    private static Optional<Path> executableIn(Path home) {
        for (String name : List.of("java", "java.exe")) {
            Path java = home.resolve("bin").resolve(name);
            if (Files.isRegularFile(java) && Files.isExecutable(java)) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static List<Path> children(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root, Files::isDirectory)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            // An unreadable directory holds no candidates we could use anyway.
        }
        return children;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
