# Image for docker-compose (untested here: the development machines have no Docker engine).
FROM eclipse-temurin:25-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends curl jq && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package
# The production model. Its model.onnx checksum is not pinned yet (it could not be fetched where the manifest was
# written), so the first fetch trusts and prints it: pin it in models/multilingual-e5-small/manifest.json.
ARG FETCH_MULTILINGUAL_MODEL=true
RUN if [ "$FETCH_MULTILINGUAL_MODEL" = "true" ]; then models/fetch-model.sh --trust-on-first-use multilingual-e5-small; fi

FROM eclipse-temurin:25-jre
WORKDIR /opt/jobmatch
COPY --from=build /src/app/target/jobmatch-app.jar ./
COPY --from=build /src/app/target/lib ./lib
COPY --from=build /src/models ./models
ENV JOBMATCH_MODEL_DIR=/opt/jobmatch/models \
    JOBMATCH_DATA_DIR=/var/lib/jobmatch
EXPOSE 8080
ENTRYPOINT ["java", "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", \
            "-jar", "/opt/jobmatch/jobmatch-app.jar", "serve"]
