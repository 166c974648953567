package io.newsline.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFeatureVersionFromTheReleaseFile() throws IOException {
        assertThat(JavaRuntimes.featureVersion(fakeJdk("a", "\"17.0.15\""))).hasValue(17);
        assertThat(JavaRuntimes.featureVersion(fakeJdk("b", "\"21\""))).hasValue(21);
        assertThat(JavaRuntimes.featureVersion(fakeJdk("c", "\"25-ea\""))).hasValue(25);
        assertThat(JavaRuntimes.featureVersion(fakeJdk("d", "\"1.8.0_392\""))).hasValue(8);
        assertThat(JavaRuntimes.featureVersion(fakeJdk("e", "\"unknown\""))).isEmpty();
        assertThat(JavaRuntimes.featureVersion(dir.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void readsOldAndNewVersionFormats() throws IOException {
        assertThat(JavaRuntimes.featureVersion(fakeJdk("f", "\"1.8.0_402\""))).hasValue(8);
        assertThat(JavaRuntimes.featureVersion(fakeJdk("g", "\"21.0.8\""))).hasValue(21);
        assertThat(JavaRuntimes.featureVersion(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void theSystemPropertyWinsOverEverythingElse() throws IOException {
        Path chosen = fakeJdk("chosen", "\"22.0.1\"");
        Path current = fakeJdk("current", "\"25\"");

        JavaRuntimes.JavaRuntime runtime = JavaRuntimes.find(
                21,
                "X",
                Map.of(JavaRuntimes.JAVA_HOME_PROPERTY, chosen.toString())::get,
                Map.of(JavaRuntimes.JAVA_HOME_ENV, current.toString())::get,
                current,
                25,
                List.of());

        assertThat(runtime).isEqualTo(new JavaRuntimes.JavaRuntime(chosen, 22));
        assertThat(runtime.javaExecutable()).isEqualTo(chosen.resolve("bin/java"));
    }

    @Test
    void theEnvironmentVariableComesNext() throws IOException {
        Path chosen = fakeJdk("chosen", "\"21.0.2\"");

        JavaRuntimes.JavaRuntime runtime = JavaRuntimes.find(
                21,
                "X",
                Map.<String, String>of()::get,
                Map.of(JavaRuntimes.JAVA_HOME_ENV, chosen.toString())::get,
                fakeJdk("current", "\"25\""),
                25,
                List.of());

        assertThat(runtime.home()).isEqualTo(chosen);
    }

    @Test
    void anExplicitChoiceThatIsTooOldIsAnErrorNotSkipped() throws IOException {
        Path old = fakeJdk("old", "\"17.0.15\"");

        assertThatThrownBy(() -> JavaRuntimes.find(
                        21,
                        "The registry",
                        Map.<String, String>of()::get,
                        Map.of(JavaRuntimes.JAVA_HOME_ENV, old.toString())::get,
                        fakeJdk("current", "\"25\""),
                        25,
                        List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(JavaRuntimes.JAVA_HOME_ENV)
                .hasMessageContaining(old.toString())
                .hasMessageContaining("Java 17")
                .hasMessageContaining("Java 21");
    }

    @Test
    void anExplicitChoiceMustBeSuitableEvenWhenTheRunningJavaIsNot() throws IOException {
        Path jdk17 = fakeJdk("jdk-17", "\"17\"");
        Map<String, String> env = Map.of(JavaRuntimes.JAVA_HOME_ENV, jdk17.toString());

        assertThatThrownBy(() -> JavaRuntimes.find(21, "The registry", none(), env::get, jdk17, 17, List.of(dir)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(JavaRuntimes.JAVA_HOME_ENV)
                .hasMessageContaining("Java 21");
    }

    @Test
    void usesTheRunningJavaWhenItIsNewEnough() throws IOException {
        Path current = fakeJdk("current", "\"21.0.2\"");

        assertThat(JavaRuntimes.find(21, "X", none(), none(), current, 21, List.of()))
                .isEqualTo(new JavaRuntimes.JavaRuntime(current, 21));
    }

    @Test
    void theRunningJavaWinsOverInstalledOnesWhenItIsNewEnough() throws IOException {
        Path current = fakeJdk("current", "\"25.0.1\"");
        fakeJdk("jdk-21", "\"21.0.8\"");

        assertThat(JavaRuntimes.find(21, "X", none(), Map.<String, String>of()::get, current, 25, List.of(dir)))
                .isEqualTo(new JavaRuntimes.JavaRuntime(current, 25));
    }

    @Test
    void thenJavaHome() throws IOException {
        Path javaHome = fakeJdk("java-home", "\"23\"");

        JavaRuntimes.JavaRuntime runtime = JavaRuntimes.find(
                21,
                "X",
                none(),
                Map.of("JAVA_HOME", javaHome.toString())::get,
                fakeJdk("current", "\"17\""),
                17,
                List.of());

        assertThat(runtime).isEqualTo(new JavaRuntimes.JavaRuntime(javaHome, 23));
    }

    @Test
    void thenTheJavaOnThePathFollowingSymlinks() throws IOException {
        Path jdk = fakeJdk("jdk-24", "\"24\"");
        Path bin = Files.createDirectories(dir.resolve("usr-bin"));
        Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("bin/java"));

        JavaRuntimes.JavaRuntime runtime = JavaRuntimes.find(
                21, "X", none(), Map.of("PATH", bin.toString())::get, fakeJdk("current", "\"17\""), 17, List.of());

        assertThat(runtime.home()).isEqualTo(jdk.toRealPath());
    }

    @Test
    void thenTheLowestSuitableInstalledVersion() throws IOException {
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        fakeJdk("jvm/java-17", "\"17.0.15\"");
        fakeJdk("jvm/temurin-25", "\"25.0.3\"");
        Path jdk21 = fakeJdk("jvm/java-21", "\"21.0.7\"");
        Path macRoot = Files.createDirectories(dir.resolve("mac"));
        Path macJdk = fakeJdk("mac/temurin-22.jdk/Contents/Home", "\"22\"");
        Path current = dir.resolve("jvm/java-17");

        JavaRuntimes.JavaRuntime found =
                JavaRuntimes.find(21, "X", none(), none(), current, 17, List.of(jvms, macRoot));
        assertThat(found.home()).isEqualTo(jdk21);
        assertThat(found.featureVersion()).isEqualTo(21);
        assertThat(JavaRuntimes.find(22, "X", none(), none(), current, 17, List.of(jvms, macRoot))
                        .home())
                .isEqualTo(macJdk);
    }

    @Test
    void saysWhatToInstallOrSetWhenThereIsNone() throws IOException {
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        fakeJdk("jvm/java-17", "\"17.0.15\"");

        assertThatThrownBy(() -> JavaRuntimes.find(
                        21, "The registry", none(), none(), fakeJdk("current", "\"17\""), 17, List.of(jvms)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The registry needs Java 21")
                .hasMessageContaining("No Java 21 or newer found")
                .hasMessageContaining(JavaRuntimes.JAVA_HOME_ENV)
                .hasMessageContaining("openjdk-21")
                .hasMessageContaining("openjdk-21-jre-headless");
    }

    @Test
    void searchesTheUsualInstallLocations() {
        Path userHome = Path.of("/home/someone");

        assertThat(JavaRuntimes.defaultSearchRoots(userHome, null))
                .contains(
                        Path.of("/usr/lib/jvm"),
                        Path.of("/usr/lib64/jvm"),
                        Path.of("/usr/java"),
                        Path.of("/opt/java"),
                        Path.of("/Library/Java/JavaVirtualMachines"),
                        userHome.resolve(".sdkman/candidates/java"),
                        userHome.resolve(".jdks"),
                        userHome.resolve(".asdf/installs/java"));
        assertThat(JavaRuntimes.defaultSearchRoots(userHome, "C:\\Program Files"))
                .contains(Path.of("C:\\Program Files", "Eclipse Adoptium"));
    }

    private static UnaryOperator<String> none() {
        return name -> null;
    }

    private Path fakeJdk(String name, String javaVersion) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=" + javaVersion + "\n");
        return home;
    }
}
