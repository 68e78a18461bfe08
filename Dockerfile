# guide-search: build with Maven, run on a JRE as a non-root user.
# The guides are not in the image: the service gets them as data/guides.json says, from a folder mounted at
# /shared/corpus (the manifest's first mirror, ../../shared/corpus/... from /app/data) or else by download from
# GitHub at the pinned commit, verified and kept in STATE_DIR (see docker-compose.yml).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Poms first, so dependency downloads stay cached while only sources change.
COPY pom.xml ./
COPY indexer/pom.xml indexer/
COPY graph/pom.xml graph/
COPY server/pom.xml server/
COPY bench/pom.xml bench/
COPY indexer/src indexer/src
COPY graph/src graph/src
COPY server/src server/src
RUN mvn -B -q -pl server -am -DskipTests package

FROM eclipse-temurin:17-jre
# curl only serves the container health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 guide \
 && useradd --system --uid 10001 --gid guide --home-dir /app --shell /usr/sbin/nologin guide
WORKDIR /app
COPY --from=build /src/server/target/server-0.1.0-SNAPSHOT.jar /app/server.jar
COPY --from=build /src/server/target/lib /app/lib
COPY data /app/data
RUN mkdir -p /app/var && chown guide:guide /app/var
USER 10001:10001

ENV PORT=7070 \
    STATE_DIR=/app/var \
    GUIDES=/app/data/guides.json \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:CICompilerCount=4 -XX:+UseTransparentHugePages"
EXPOSE 7070
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:7070/health/live >/dev/null || exit 1
ENTRYPOINT ["java", "-cp", "/app/server.jar:/app/lib/*", "org.guidesearch.server.app.Main"]
