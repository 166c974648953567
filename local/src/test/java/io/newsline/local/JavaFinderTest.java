package io.newsline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaFinderTest {
    @TempDir
    Path temp;

    @Test
    void theRunningJavaWinsWhenItIsNewEnough() throws IOException {
        JavaFinder.Java current = new JavaFinder.Java(fakeJdk("current", "25.0.1"), 25);
        assertThat(JavaFinder.find(21, "X", Map.of(), current, List.of(temp))).isEqualTo(current);
    }

    @Test
    void otherwiseTheLowestSuitableInstalledOne() throws IOException {
        Path jvms = Files.createDirectories(temp.resolve("jvm"));
        fakeJdk("jvm/jdk-17", "17.0.15");
        fakeJdk("jvm/jdk-25", "25");
        Path jdk21 = fakeJdk("jvm/jdk-21", "21.0.8");
        JavaFinder.Java current = new JavaFinder.Java(temp.resolve("jvm/jdk-17"), 17);

        JavaFinder.Java found = JavaFinder.find(21, "X", Map.of(), current, List.of(jvms));

        assertThat(found.home()).isEqualTo(jdk21);
        assertThat(found.featureVersion()).isEqualTo(21);
    }

    @Test
    void anExplicitChoiceMustBeSuitable() throws IOException {
        Path jdk17 = fakeJdk("jdk-17", "17");
        JavaFinder.Java current = new JavaFinder.Java(jdk17, 17);
        Map<String, String> env = Map.of(JavaFinder.JAVA_HOME_ENV, jdk17.toString());

        assertThatThrownBy(() -> JavaFinder.find(21, "The registry", env, current, List.of(temp)))
                .hasMessageContaining(JavaFinder.JAVA_HOME_ENV)
                .hasMessageContaining("Java 21");
    }

    @Test
    void saysWhatToInstallWhenThereIsNone() throws IOException {
        JavaFinder.Java current = new JavaFinder.Java(fakeJdk("jdk-17", "17"), 17);

        assertThatThrownBy(() -> JavaFinder.find(21, "The registry", Map.of(), current, List.of(temp)))
                .hasMessageContaining("The registry needs Java 21")
                .hasMessageContaining("openjdk-21-jre-headless")
                .hasMessageContaining(JavaFinder.JAVA_HOME_ENV);
    }

    @Test
    void readsOldAndNewVersionFormats() throws IOException {
        assertThat(JavaFinder.featureVersion(fakeJdk("a", "1.8.0_402"))).hasValue(8);
        assertThat(JavaFinder.featureVersion(fakeJdk("b", "21.0.8"))).hasValue(21);
        assertThat(JavaFinder.featureVersion(temp.resolve("missing"))).isEmpty();
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(temp.resolve(name));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
