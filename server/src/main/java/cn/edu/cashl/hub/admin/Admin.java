package cn.edu.cashl.hub.admin;

import cn.edu.cashl.hub.admin.article.JournalListFolder;
import cn.edu.cashl.hub.admin.auth.Accounts;
import cn.edu.cashl.hub.admin.auth.AdminAuth;
import cn.edu.cashl.hub.admin.auth.LoginThrottle;
import cn.edu.cashl.hub.admin.auth.Sessions;
import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkEditor;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkPreview;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkVersions;
import cn.edu.cashl.hub.admin.efirst.LenderWeightStore;
import cn.edu.cashl.hub.admin.job.JobLauncher;
import cn.edu.cashl.hub.admin.job.Jobs;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.config.HubConfig;
import cn.edu.cashl.hub.crosswalk.Crosswalks;
import cn.edu.cashl.hub.crosswalk.Sandbox;
import cn.edu.cashl.hub.db.Jdbc;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.onboarding.OnboardingCheck;
import cn.edu.cashl.hub.source.JournalListFiles;
import cn.edu.cashl.hub.source.JournalLists;
import cn.edu.cashl.hub.source.SourceStore;
import cn.edu.cashl.hub.source.Sources;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the web admin works with, built once per hub over its database, store, crosswalks and sources:
 * the accounts and sessions, the crosswalk versions with the editor's sandbox, the jobs, the saved
 * sources and the onboarding check, the resolver's lender weights, the journal lists' files.
 */
public record Admin(
        AdminAuth auth,
        CrosswalkEditor editor,
        CrosswalkPreview preview,
        JobLauncher launcher,
        SourceStore savedSources,
        OnboardingCheck onboarding,
        LenderWeightStore lenders,
        JournalListFolder journalLists) {

    private static final Logger LOG = LoggerFactory.getLogger(Admin.class);

    /** The origin ({@code scheme://host[:port]}) of the configured public URL; empty when there is none. */
    private static String origin(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return "";
        }
        URI uri = URI.create(baseUrl.strip());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * Brings this node up to what admins did on other nodes of a cluster: the published crosswalk
     * versions (compiled only when they changed) and the saved source definitions. Called now and
     * then by the hub; a node that missed nothing does one query per table.
     */
    public void refresh(Sources sources) {
        editor.installPublished();
        savedSources.applyTo(sources);
    }

    /**
     * Opens the admin, and brings the crosswalks and sources in use up to what the admins
     * published and saved (the crosswalks and sources objects are shared with ingest and the
     * protocols, so they all see it).
     *
     * @param configDir    where relative CALIS export locations of sources are found, and the journal
     *                     lists admins edit ({@code journals/})
     * @param journalLists the journal lists Crossref sources name, for the onboarding check
     */
    public static Admin open(
            HubConfig config,
            DataSource data,
            CatalogStore store,
            Crosswalks crosswalks,
            Sources sources,
            HarvestStore harvests,
            HarvestControl control,
            Path configDir,
            JournalLists journalLists) {
        HubConfig.AdminSettings settings = config.admin();
        Clock clock = Clock.systemUTC();
        Jdbc jdbc = new Jdbc(data);
        Accounts accounts = new Accounts(
                jdbc,
                settings.users().stream()
                        .map(u -> new Accounts.ConfiguredAccount(u.name(), u.role(), u.passwordHash()))
                        .toList(),
                clock);
        Sessions sessions = new Sessions(
                jdbc,
                Duration.ofMinutes(settings.sessionMinutes()),
                Duration.ofHours(settings.sessionMaxHours()),
                clock);
        AdminAuth auth = new AdminAuth(
                accounts,
                sessions,
                new LoginThrottle(settings.maxFailedLogins(), Duration.ofMinutes(settings.lockoutMinutes()), clock),
                settings.secureCookies(),
                origin(config.hub().baseUrl()));
        if (!accounts.any()) {
            LOG.warn("no admin account yet: create one with ./cashl-hub user add NAME --role admin to use /admin/");
        }
        Sandbox sandbox = new Sandbox(Duration.ofMillis(settings.recordTimeoutMillis()));
        CrosswalkEditor editor = new CrosswalkEditor(crosswalks, sandbox, new CrosswalkVersions(jdbc, clock));
        SourceStore saved = new SourceStore(data);
        JobLauncher launcher = new JobLauncher(new Jobs(jdbc, harvests, clock), control, store);
        Admin admin = new Admin(
                auth,
                editor,
                new CrosswalkPreview(crosswalks, sandbox, sources, store),
                launcher,
                saved,
                new OnboardingCheck(crosswalks, config.harvest(), configDir, journalLists),
                new LenderWeightStore(data, clock),
                new JournalListFolder(JournalListFiles.inConfig(configDir)));
        admin.refresh(sources);
        return admin;
    }
}
