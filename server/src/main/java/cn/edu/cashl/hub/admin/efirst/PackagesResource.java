package cn.edu.cashl.hub.admin.efirst;

import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.admin.source.SourceDashboard;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.source.Licence;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourceType;
import cn.edu.cashl.hub.source.Sources;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /admin/api/packages}: the licensed packages (KBART sources) with their titles, quarantined
 * rows and last harvests, and which packages each member library's readers can use (admin role).
 */
@Path("/admin/api/packages")
@Produces(MediaType.APPLICATION_JSON)
public final class PackagesResource {

    private final Sources sources;
    private final SourceDashboard dashboard;

    @Inject
    public PackagesResource(Sources sources, HarvestStore harvests, HarvestControl control, CatalogStore store) {
        this.sources = sources;
        this.dashboard = new SourceDashboard(harvests, control, store);
    }

    @GET
    public PackagesJson list() {
        List<PackageJson> packages = new ArrayList<>();
        Map<String, List<String>> byLibrary = new TreeMap<>();
        List<String> members = sources.all().stream()
                .filter(s -> s.lending().tier() != null)
                .map(Source::id)
                .toList();
        for (Source source : sources.all()) {
            if (source.type() != SourceType.KBART) {
                continue;
            }
            Licence licence = source.licence();
            packages.add(new PackageJson(dashboard.describe(source), licence.holdingLibraries()));
            for (String library : licence.consortium() ? members : licence.libraries()) {
                byLibrary.computeIfAbsent(library, l -> new ArrayList<>()).add(source.id());
            }
        }
        return new PackagesJson(packages, byLibrary);
    }
}
