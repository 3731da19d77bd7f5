# The backend: built from source inside the image (Maven, JDK 25), run on a JRE 25 as a non-root user.
# Build from the repository root: docker build -f docker/backend.Dockerfile -t juare-backend .
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
# the poms first: the dependency layer is reused while only sources change
COPY pom.xml mvnw ./
COPY scripts/jdk.sh scripts/jdk.sh
COPY graphql/pom.xml graphql/pom.xml
COPY backend/pom.xml backend/pom.xml
COPY frontend/pom.xml frontend/pom.xml
RUN mvn -B -q -pl graphql,backend -am dependency:go-offline -DexcludeArtifactIds=juare-graphql || true
COPY graphql graphql
COPY backend backend
RUN mvn -B -q -pl graphql,backend -am -DskipTests package && cp backend/target/juare-backend-*.jar /juare-backend.jar

FROM eclipse-temurin:25-jre
# curl for the health check only
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin juare
WORKDIR /app
COPY --from=build /juare-backend.jar /app/juare-backend.jar
USER juare
# the container's memory limit sets the heap; an OutOfMemoryError ends the process so that it is restarted
# rather than left alive with dead event loops
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC" \
    JUARE_DATA_DIR=/app/data
EXPOSE 8080 8180
HEALTHCHECK --interval=10s --timeout=4s --start-period=90s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8180/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/juare-backend.jar"]
