package io.kam.chassis.security;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Refuses to start a process of the {@code prod} profile that still runs with a development
 * default: the cursor secret, a database password or the superuser login, a webhook or other secret
 * key, the local run's key pairs (files under {@code .kam/}) or the development identity provider.
 * The packaged jars run the {@code prod} profile, so the local run and the system tests set {@code
 * KAM_ALLOW_DEV_DEFAULTS=true}: then the same findings are only logged. The message names each
 * setting and the environment variable that sets it, never the value.
 */
@Singleton
public class DevDefaultsGuard implements FlywayConfigurationCustomizer {

  private static final Logger LOG = Logger.getLogger(DevDefaultsGuard.class);
  static final String CURSOR_SECRET = "kam.cursor.secret";

  /** Values that only a development setup uses (compared case-insensitively). */
  static final Set<String> DEV_VALUES =
      Set.of("postgres", "kam", "change-me", "changeme", "secret", "password", "admin", "");

  /**
   * Markers of a development value, in the value or in its base64 decoding (keys are base64):
   * committed defaults start with kam-local- or say dev-only, .env.example says change-me.
   */
  static final List<String> DEV_MARKERS = List.of("dev-only", "kam-local", "change-me");

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|secret|secret-key|sasl\\.jaas\\.config)$");
  private static final List<String> OURS = List.of("kam.", "quarkus.datasource.", "kafka.");
  private static final Pattern KEY_LOCATION =
      Pattern.compile("^(kam\\.keys\\..+|mp\\.jwt\\.verify\\.publickey\\.location)$");
  private static final Pattern ENV_IN_EXPRESSION = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  private final Config config;

  public DevDefaultsGuard(Config config) {
    this.config = config;
  }

  private volatile boolean checked;

  /**
   * Flyway is configured first thing at start, before the migration opens a connection: checking
   * here means a database that is unreachable (or reachable with a development password) is never
   * touched before the refusal.
   */
  @Override
  public void customize(FluentConfiguration flyway) {
    checkOnce();
  }

  // For a process without a database, and before the other start-up observers.
  void onStart(@Observes @Priority(1) StartupEvent start) {
    checkOnce();
  }

  private void checkOnce() {
    if (!checked) {
      checked = true;
      check(ConfigUtils.getProfiles().contains("prod"));
    }
  }

  /** Fails when {@code prod} and a development default is set, unless explicitly allowed. */
  void check(boolean prod) {
    if (!prod) {
      return;
    }
    List<String> found = offending(settings());
    if (found.isEmpty()) {
      return;
    }
    String message =
        "the prod profile refuses development defaults; set these: " + String.join("; ", found);
    if (config.getOptionalValue("kam.allow-dev-defaults", Boolean.class).orElse(false)) {
      LOG.warn(message + " (allowed by KAM_ALLOW_DEV_DEFAULTS=true: never in production)");
      return;
    }
    throw new IllegalStateException(message);
  }

  /** The settings the check reads: property name to value and the variable that sets it. */
  Map<String, Setting> settings() {
    Map<String, Setting> s = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("%") || !name.equals(name.toLowerCase(Locale.ROOT))) {
        continue; // profile-specific duplicates and raw environment variables
      }
      // Only the platform's own settings: extensions' unused settings may carry sample defaults.
      boolean ours = OURS.stream().anyMatch(name::startsWith);
      if ((ours && SECRET_NAME.matcher(name).matches())
          || KEY_LOCATION.matcher(name).matches()
          || name.equals("quarkus.datasource.username")
          || name.equals("mp.jwt.verify.issuer")) {
        s.put(name, setting(name));
      }
    }
    // Read by the cursor code with a built-in default, so it may be in no configuration source.
    s.putIfAbsent(CURSOR_SECRET, setting(CURSOR_SECRET));
    return s;
  }

  private Setting setting(String name) {
    ConfigValue v;
    try {
      v = config.getConfigValue(name);
    } catch (RuntimeException unresolvable) {
      // An expression naming a missing setting: the process's own start reports it.
      return new Setting(null, envName(name));
    }
    String env = null;
    if (v.getRawValue() != null) {
      Matcher m = ENV_IN_EXPRESSION.matcher(v.getRawValue());
      env = m.find() ? m.group(1) : null;
    }
    return new Setting(v.getValue(), env == null ? envName(name) : env);
  }

  private static String envName(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** A setting's effective value (null when unset) and the environment variable that sets it. */
  record Setting(String value, String env) {}

  /** Each setting still at a development default, as "name (ENV): why"; empty when none. */
  static List<String> offending(Map<String, Setting> settings) {
    List<String> out = new ArrayList<>();
    new TreeMap<>(settings)
        .forEach(
            (name, s) -> {
              String why = why(name, s.value());
              if (why != null) {
                out.add(name + " (" + s.env() + "): " + why);
              }
            });
    return out;
  }

  private static String why(String name, String value) {
    if (name.equals(CURSOR_SECRET) && value == null) {
      return "not set, the built-in development secret would sign cursors";
    }
    if (value == null) {
      return null;
    }
    if (name.equals("quarkus.datasource.username")) {
      return value.equals("postgres") ? "the development login postgres (a superuser)" : null;
    }
    if (name.equals("mp.jwt.verify.issuer")) {
      return value.contains("kam.local/dev-idp") ? "the development identity provider" : null;
    }
    if (KEY_LOCATION.matcher(name).matches()) {
      return value.replace('\\', '/').contains("/.kam/")
          ? "a key pair generated by the local run (.kam/)"
          : null;
    }
    if (DEV_VALUES.contains(value.trim().toLowerCase(Locale.ROOT)) || hasMarker(value)) {
      return "a development default";
    }
    return null;
  }

  private static boolean hasMarker(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (DEV_MARKERS.stream().anyMatch(lower::contains)) {
      return true;
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(value.trim()), StandardCharsets.UTF_8)
              .toLowerCase(Locale.ROOT);
      return DEV_MARKERS.stream().anyMatch(decoded::contains);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
