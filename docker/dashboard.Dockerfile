# The staff dashboard (Vaadin, pre-compiled bundle: no Node): built from source, run on a JRE 25 as a non-root user.
# Build from the repository root: docker build -f docker/dashboard.Dockerfile -t juare-dashboard .
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY scripts/jdk.sh scripts/jdk.sh
COPY graphql/pom.xml graphql/pom.xml
COPY backend/pom.xml backend/pom.xml
COPY frontend/pom.xml frontend/pom.xml
COPY graphql graphql
COPY backend backend
COPY frontend frontend
# the dashboard's tests start the backend; the image needs only the jar
RUN mvn -B -q -pl graphql,backend,frontend -am -DskipTests package && cp frontend/target/juare-frontend-*.jar /juare-dashboard.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin juare
WORKDIR /app
COPY --from=build /juare-dashboard.jar /app/juare-dashboard.jar
USER juare
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC"
EXPOSE 8081 8181
HEALTHCHECK --interval=10s --timeout=4s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8181/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/juare-dashboard.jar"]
