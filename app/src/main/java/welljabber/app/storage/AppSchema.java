package welljabber.app.storage;

import java.util.List;

import welljabber.api.storage.Migration;

/** The shell's own tables. Append new migrations; never edit one that has shipped. */
final class AppSchema {
    private AppSchema() {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "accounts, pinned certificates, plugin users", """
                    CREATE TABLE ACCOUNT(
                        id VARCHAR(64) PRIMARY KEY,
                        jid VARCHAR(3071) NOT NULL UNIQUE,
                        resource VARCHAR(1023) NOT NULL,
                        priority INT NOT NULL DEFAULT 0,
                        host VARCHAR(255),
                        port INT,
                        tls_mode VARCHAR(20) NOT NULL,
                        connect_at_start BOOLEAN NOT NULL DEFAULT FALSE,
                        remember_password BOOLEAN NOT NULL DEFAULT FALSE,
                        presence VARCHAR(20) NOT NULL DEFAULT 'AVAILABLE',
                        status_message VARCHAR(1024) NOT NULL DEFAULT '',
                        position INT NOT NULL DEFAULT 0
                    );
                    CREATE TABLE PINNED_CERTIFICATE(
                        account_id VARCHAR(64) NOT NULL REFERENCES ACCOUNT(id) ON DELETE CASCADE,
                        sha256 VARCHAR(95) NOT NULL,
                        subject VARCHAR(1024) NOT NULL,
                        pinned_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
                        PRIMARY KEY (account_id, sha256)
                    );
                    CREATE TABLE PLUGIN_USER(
                        plugin_id VARCHAR(64) PRIMARY KEY,
                        password VARCHAR(64) NOT NULL
                    );
                    CREATE TABLE PLUGIN_STATE(
                        plugin_id VARCHAR(128) PRIMARY KEY,
                        enabled BOOLEAN NOT NULL
                    );
                    """));
}
