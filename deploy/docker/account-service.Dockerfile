# account-service, JVM build. Build from the repository root after ./mvnw package:
#   docker build -f deploy/docker/account-service.Dockerfile -t kam/account-service:1.0.0 .
# Configuration is environment only (README "Configuration reference", deploy/CONFIGURATION.md).
FROM registry.access.redhat.com/ubi9/openjdk-21-runtime:1.23

ENV LANGUAGE='en_US:en'

# The fast-jar in four layers, least changing first, so a code change rebuilds only the last ones.
COPY --chown=185 account-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 account-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185 account-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 account-service/target/quarkus-app/quarkus/ /deployments/quarkus/

# Keys are mounted at /etc/kam/keys (read-only volume or Kubernetes Secret), never baked into the image.

ENV KAM_HTTP_PORT=8081
# Health and metrics: the management port, apart from the API.
ENV KAM_MANAGEMENT_PORT=9081
EXPOSE 8081 9081

# Non-root (the image's jboss user, uid 185).
USER 185

ENV JAVA_OPTS_APPEND="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:MaxRAMPercentage=75"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"

# Readiness without curl: a plain HTTP GET through bash's /dev/tcp.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${KAM_MANAGEMENT_PORT} && printf 'GET /q/health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]
