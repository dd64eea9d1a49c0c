package io.kam.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the restore drill says when KAM_PG_BIN is wrong. The tools here are small scripts that
 * answer {@code --version} as the real ones do; RestoreDrillIT runs the real pg_dump.
 */
class PgClientTest {

  @TempDir Path bin;

  @Test
  void acceptsAClientOfTheServersMajorVersion() throws Exception {
    tool("pg_dump", "echo 'pg_dump (PostgreSQL) 17.12 (Debian 17.12-0+deb13u1)'");
    tool("pg_restore", "echo 'pg_restore (PostgreSQL) 17.12 (Debian 17.12-0+deb13u1)'");

    PgClient client = PgClient.at(bin).requireMajor(17, "17.6");

    assertEquals("17.12", client.version);
    assertEquals(17, client.major);
  }

  @Test
  void failsNamingBothVersionsWhenTheClientIsOfAnotherMajor() throws Exception {
    tool("pg_dump", "echo 'pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)'");
    tool("pg_restore", "echo 'pg_restore (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)'");
    PgClient client = PgClient.at(bin);

    var e = assertThrows(IllegalStateException.class, () -> client.requireMajor(17, "17.6"));

    assertTrue(
        e.getMessage().contains("are PostgreSQL 15.18 but the server is 17.6"), e.getMessage());
    assertTrue(e.getMessage().contains("KAM_PG_BIN=" + bin), e.getMessage());
  }

  @Test
  void failsNamingTheToolTheDirectoryLacks() throws Exception {
    tool("pg_dump", "echo 'pg_dump (PostgreSQL) 17.12'");

    var e = assertThrows(IllegalStateException.class, () -> PgClient.at(bin));

    assertTrue(e.getMessage().contains("holds no executable pg_restore"), e.getMessage());
  }

  @Test
  void aFailedRunCarriesTheToolsOwnMessage() throws Exception {
    tool(
        "pg_dump",
        "[ \"$1\" = --version ] && echo 'pg_dump (PostgreSQL) 17.12' && exit 0\n"
            + "echo 'pg_dump: error: connection refused' >&2; exit 1");
    tool("pg_restore", "echo 'pg_restore (PostgreSQL) 17.12'");
    PgClient client = PgClient.at(bin);

    var e =
        assertThrows(IllegalStateException.class, () -> client.run("pg_dump", List.of("-d", "x")));

    assertTrue(e.getMessage().contains("exited with 1"), e.getMessage());
    assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
  }

  private void tool(String name, String body) throws Exception {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
