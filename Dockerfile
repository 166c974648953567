# syntax=docker/dockerfile:1
# The Newsline image: one runnable jar, every program a subcommand (`newsline stream`, `newsline produce ...`).
# Build stage (needs BuildKit, for the Maven cache mount): the same Maven build as ./newsline, without tests. The
# dependency plugin is skipped: its only jobs (unpacking Apicurio Registry, recording Kafka's server class path)
# serve `newsline demo` and `newsline local`, which do not run in containers.
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl cli -am package -Dmaven.test.skip=true -Dspotless.check.skip=true -Dmdep.skip=true

FROM eclipse-temurin:17.0.16_8-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/newsline --create-home newsline \
    && mkdir -p /var/lib/newsline/state \
    && chown -R newsline /var/lib/newsline \
    && printf '#!/bin/sh\nexec java ${NEWSLINE_JAVA_OPTS:-} -jar /app/newsline.jar "$@"\n' > /usr/local/bin/newsline \
    && chmod 755 /usr/local/bin/newsline
COPY --from=build /src/cli/target/newsline.jar /app/newsline.jar
USER newsline
WORKDIR /var/lib/newsline
ENTRYPOINT ["newsline"]
CMD ["--help"]
