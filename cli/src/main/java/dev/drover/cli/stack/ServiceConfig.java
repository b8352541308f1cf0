package dev.drover.cli.stack;

import dev.drover.localstack.LocalStack;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration a service gets from {@code drover up}, as Quarkus property names. The same
 * keys, spelled as environment variables, configure the containers in docker-compose.yml.
 */
public final class ServiceConfig {

    private ServiceConfig() {}

    /** Every property {@code service} needs to join the stack described by the arguments. */
    public static Map<String, String> of(
            Service service, StackHome home, String bootstrapServers, Database database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.port", String.valueOf(service.port()));
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("kafka.bootstrap.servers", bootstrapServers);
        if (service.database() != null) {
            config.put("quarkus.datasource.jdbc.url", database.jdbcUrl(service.database()));
            config.put("quarkus.datasource.reactive.url", database.reactiveUrl(service.database()));
            config.put("quarkus.datasource.username", database.username());
            config.put("quarkus.datasource.password", database.password());
        }
        // Only the keys a service reads: a service whose config root is all of "drover" rejects
        // keys under it that it does not know.
        switch (service.name()) {
            case "provisioner-service" -> {
                config.put("drover.store.root", home.store().toString());
                config.put("drover.provisioner.state-dir", home.provisioner().toString());
            }
            case "log-collector" -> {
                config.put("drover.store.root", home.store().toString());
                config.put("drover.collector.spool-dir", home.collector().toString());
            }
            case Service.JOB_SERVICE -> config.put("drover.store.root", home.store().toString());
            default -> {}
        }
        return config;
    }

    /**
     * The environment variable MicroProfile Config reads for {@code property}: upper case, every
     * character that is not a letter or digit replaced by an underscore.
     */
    public static String envName(String property) {
        return property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Where a service finds its database. */
    public interface Database {
        String jdbcUrl(String database);

        String reactiveUrl(String database);

        String username();

        String password();

        /** The database side of a running local stack. */
        static Database of(LocalStack stack) {
            return new Database() {
                @Override
                public String jdbcUrl(String database) {
                    return stack.jdbcUrl(database);
                }

                @Override
                public String reactiveUrl(String database) {
                    return stack.reactiveUrl(database);
                }

                @Override
                public String username() {
                    return stack.username();
                }

                @Override
                public String password() {
                    return stack.password();
                }
            };
        }
    }
}
