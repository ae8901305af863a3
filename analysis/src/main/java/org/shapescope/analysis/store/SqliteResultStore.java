package org.shapescope.analysis.store;

import static org.shapescope.analysis.ErrorText.firstLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.shapescope.analysis.geometry.MeasureResult;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The result store as an SQLite database (through sqlite-jdbc) in WAL mode: one row per
 * checkpoint identity × layer × estimator key, each cell written in one small transaction as it
 * finishes, so several processes may read and write one run's store at once and a killed process
 * loses at most the cells it had in flight. A file that is not a database, is damaged, or is
 * another program's database is set aside beside it ({@code results.sqlite.set-aside-<time>}) and
 * a new store is made; what happened is one line in {@link #warnings()}. Where no file can be
 * written at all, the store lives in memory for the process.
 *
 * <p>Location ({@link #forRun}): {@code RUN/.shapescope-cache/results.sqlite}; when the run folder
 * is not writable, {@code $XDG_CACHE_HOME/shapescope/<hash of the run's path>/results.sqlite}
 * (default {@code ~/.cache}).
 */
public final class SqliteResultStore implements ResultStore {
    public static final String FILE_NAME = "results.sqlite";
    /** "SHPS" in the database header: tells our store from any other SQLite database. */
    static final int APPLICATION_ID = 0x53485053;
    /** 2 added the nullable column {@code spread} (the standard deviation over resamples); a version-1 file gains it on opening. */
    static final int SCHEMA_VERSION = 2;
    /** How long a writer waits for another process's transaction before giving up on one cell. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;
    private static final String IN_MEMORY = ":memory:";

    private final String location;
    private final Connection connection;
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> warned = new HashSet<>();

    private SqliteResultStore(String location, Connection connection, List<String> openingWarnings) {
        this.location = location;
        this.connection = connection;
        this.warnings.addAll(openingWarnings);
    }

    /** The store of a run: in the run folder when writable, else in the user's cache directory. */
    public static SqliteResultStore forRun(Path runFolder) {
        return forRun(runFolder, SqliteResultStore::canWriteIn, userCacheDirectory());
    }

    /** As {@link #forRun(Path)}, with the writability test and user cache directory given (for tests). */
    static SqliteResultStore forRun(Path runFolder, Predicate<Path> writable, Path userCache) {
        Path folder = runFolder.toAbsolutePath().normalize();
        if (writable.test(folder)) {
            return at(folder.resolve(".shapescope-cache").resolve(FILE_NAME));
        }
        return at(userCache.resolve(hash(folder.toString())).resolve(FILE_NAME));
    }

    /** The store in this file, made when absent; never fails (see the class comment). */
    public static SqliteResultStore at(Path file) {
        List<String> notes = new ArrayList<>();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new SqliteResultStore(file.toString(), openChecked(file, notes), notes);
        } catch (IOException | SQLException e) {
            notes.add(file + ": cannot be used as the result store (" + firstLine(e) + "); results are kept in memory only");
            try {
                Connection memory = connect(IN_MEMORY);
                initialise(memory);
                return new SqliteResultStore("memory", memory, notes);
            } catch (SQLException impossible) {
                throw new IllegalStateException("SQLite cannot open an in-memory database: " + firstLine(impossible), impossible);
            }
        }
    }

    @Override
    public synchronized Map<String, MeasureResult> find(FileIdentity checkpoint, int layer, Collection<String> keys) {
        Map<String, MeasureResult> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT measure, value, tokens_used, tokens_dropped, note, spread FROM results WHERE checkpoint = ? AND layer = ?")) {
            select.setString(1, checkpoint.key());
            select.setInt(2, layer);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getString(1);
                    if (keys.contains(key)) {
                        double value = rows.getDouble(2);
                        boolean refused = rows.wasNull();
                        double spread = rows.getDouble(6);
                        boolean noSpread = rows.wasNull();
                        found.put(key, new MeasureResult(refused ? Double.NaN : value, rows.getInt(3), rows.getInt(4),
                                rows.getString(5), noSpread ? Double.NaN : spread));
                    }
                }
            }
        } catch (SQLException e) {
            warnOnce("cannot be read (" + firstLine(e) + "); cells are computed again");
        }
        return found;
    }

    @Override
    public synchronized void put(FileIdentity checkpoint, int layer, Map<String, MeasureResult> results) {
        if (results.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR REPLACE INTO results (checkpoint, layer, measure, value, tokens_used, tokens_dropped, note, spread)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, MeasureResult> entry : results.entrySet()) {
                    MeasureResult r = entry.getValue();
                    insert.setString(1, checkpoint.key());
                    insert.setInt(2, layer);
                    insert.setString(3, entry.getKey());
                    if (Double.isNaN(r.value())) {
                        insert.setNull(4, java.sql.Types.REAL);
                    } else {
                        insert.setDouble(4, r.value());
                    }
                    insert.setInt(5, r.tokensUsed());
                    insert.setInt(6, r.tokensDropped());
                    insert.setString(7, r.note());
                    if (r.hasSpread()) {
                        insert.setDouble(8, r.spread());
                    } else {
                        insert.setNull(8, java.sql.Types.REAL);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            warnOnce("cannot be written (" + firstLine(e) + "); results not kept will be computed again");
        } finally {
            autoCommitQuietly();
        }
    }

    @Override
    public synchronized Optional<String> layout(FileIdentity checkpoint) {
        try (PreparedStatement select = connection.prepareStatement("SELECT layout FROM layouts WHERE checkpoint = ?")) {
            select.setString(1, checkpoint.key());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            warnOnce("cannot be read (" + firstLine(e) + "); checkpoint layouts are learnt again");
            return Optional.empty();
        }
    }

    @Override
    public synchronized void putLayout(FileIdentity checkpoint, String layout) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO layouts (checkpoint, layout) VALUES (?, ?)")) {
            insert.setString(1, checkpoint.key());
            insert.setString(2, layout);
            insert.executeUpdate();
        } catch (SQLException e) {
            warnOnce("cannot be written (" + firstLine(e) + "); checkpoint layouts are learnt again next time");
        }
    }

    @Override
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            warnOnce("did not close cleanly (" + firstLine(e) + ")");
        }
    }

    // ---- opening

    private static Connection openChecked(Path file, List<String> notes) throws SQLException, IOException {
        String problem;
        Connection connection = null;
        try {
            connection = connect(file.toString());
            problem = problemWith(connection);
            if (problem == null) {
                initialise(connection);
                return connection;
            }
        } catch (SQLiteException e) {
            if (!isDamage(e.getResultCode())) {
                closeQuietly(connection);
                throw e;
            }
            problem = "damaged (" + firstLine(e) + ")";
        }
        closeQuietly(connection);
        Path aside = setAside(file);
        notes.add(file + ": " + problem + "; set aside as " + aside.getFileName() + ", results will be computed again");
        Connection fresh = connect(file.toString());
        initialise(fresh);
        return fresh;
    }

    private static Connection connect(String file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        if (!IN_MEMORY.equals(file)) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        return config.createConnection("jdbc:sqlite:" + file);
    }

    /** Why an opened database is not a store of ours, or null when it is (or is new and empty). */
    private static String problemWith(Connection connection) throws SQLException {
        int applicationId = intPragma(connection, "application_id");
        if (applicationId == APPLICATION_ID) {
            int version = intPragma(connection, "user_version");
            if (version > SCHEMA_VERSION) {
                return "a result store of a newer Shapescope (schema " + version + ", this one reads " + SCHEMA_VERSION + ")";
            }
            try (Statement check = connection.createStatement(); ResultSet rows = check.executeQuery("PRAGMA quick_check")) {
                String verdict = rows.next() ? rows.getString(1) : "no answer";
                return "ok".equals(verdict) ? null : "damaged (integrity check: " + verdict + ")";
            }
        }
        if (applicationId != 0) {
            return "not a Shapescope result store (another program's SQLite database)";
        }
        try (Statement count = connection.createStatement();
             ResultSet rows = count.executeQuery("SELECT count(*) FROM sqlite_master WHERE name NOT IN ('results', 'layouts')")) {
            return rows.next() && rows.getInt(1) == 0 ? null : "not a Shapescope result store (another program's SQLite database)";
        }
    }

    /** Makes the tables (once, whichever process comes first) and marks the file as ours. */
    private static void initialise(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                statement.execute("CREATE TABLE IF NOT EXISTS results (checkpoint TEXT NOT NULL, layer INTEGER NOT NULL,"
                        + " measure TEXT NOT NULL, value REAL, tokens_used INTEGER NOT NULL, tokens_dropped INTEGER NOT NULL,"
                        + " note TEXT NOT NULL, spread REAL, PRIMARY KEY (checkpoint, layer, measure)) WITHOUT ROWID");
                if (!hasColumn(connection, "results", "spread")) {
                    statement.execute("ALTER TABLE results ADD COLUMN spread REAL");
                }
                statement.execute("CREATE TABLE IF NOT EXISTS layouts (checkpoint TEXT PRIMARY KEY, layout TEXT NOT NULL)"
                        + " WITHOUT ROWID");
                statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                if (intPragma(connection, "user_version") < SCHEMA_VERSION) {
                    statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                }
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                if (column.equals(rows.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int intPragma(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static boolean isDamage(SQLiteErrorCode code) {
        return code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT
                || code.name().startsWith("SQLITE_CORRUPT");
    }

    /** Moves the file (and its WAL and shared-memory files) aside; returns the new name of the database file. */
    private static Path setAside(Path file) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path aside = file.resolveSibling(file.getFileName() + ".set-aside-" + stamp);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path from = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(from)) {
                Path to = aside.resolveSibling(aside.getFileName() + suffix);
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from, to);
                }
            }
        }
        return aside;
    }

    // ---- small helpers

    private void warnOnce(String what) {
        String line = location + ": " + what;
        if (warned.add(line)) {
            warnings.add(line);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the transaction is gone either way; the warning already names the cause
        }
    }

    private void autoCommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // only fails on a closed connection, whose next use reports itself
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection that failed to open: nothing left to release
            }
        }
    }

    private static boolean canWriteIn(Path folder) {
        Path cacheFolder = folder.resolve(".shapescope-cache");
        if (Files.isDirectory(cacheFolder)) {
            return Files.isWritable(cacheFolder);
        }
        if (!Files.isWritable(folder)) {
            return false;
        }
        try {
            Files.createDirectories(cacheFolder);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Path userCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("shapescope");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
