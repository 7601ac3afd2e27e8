package cn.edu.cashl.hub.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.edu.cashl.hub.admin.account.SessionResource;
import cn.edu.cashl.hub.admin.account.UsersResource;
import cn.edu.cashl.hub.admin.article.JournalListsResource;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkCheckResource;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkPublishingResource;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkVersionsResource;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalksResource;
import cn.edu.cashl.hub.admin.efirst.LendersResource;
import cn.edu.cashl.hub.admin.efirst.PackagesResource;
import cn.edu.cashl.hub.admin.job.JobsResource;
import cn.edu.cashl.hub.admin.source.QuarantineResource;
import cn.edu.cashl.hub.admin.source.RunsResource;
import cn.edu.cashl.hub.admin.source.SourceScheduleResource;
import cn.edu.cashl.hub.admin.source.SourcesResource;
import cn.edu.cashl.hub.admin.stats.StatsResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description and the code cannot drift apart: every operation of the admin API's
 * resources is documented, and nothing is documented that the resources do not answer.
 */
class OpenApiCoverageTest {

    private static final List<Class<?>> RESOURCES = List.of(
            SessionResource.class,
            UsersResource.class,
            SourcesResource.class,
            SourceScheduleResource.class,
            RunsResource.class,
            QuarantineResource.class,
            CrosswalksResource.class,
            CrosswalkCheckResource.class,
            CrosswalkVersionsResource.class,
            CrosswalkPublishingResource.class,
            JobsResource.class,
            StatsResource.class,
            LendersResource.class,
            PackagesResource.class,
            JournalListsResource.class,
            OpenApiResource.class);
    private static final Map<Class<? extends Annotation>, String> METHODS =
            Map.of(GET.class, "get", POST.class, "post", PUT.class, "put", DELETE.class, "delete");

    @Test
    void everyOperationIsDocumentedAndNoneInvented() throws Exception {
        TreeSet<String> implemented = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                for (Map.Entry<Class<? extends Annotation>, String> verb : METHODS.entrySet()) {
                    if (method.isAnnotationPresent(verb.getKey())) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = join(root, sub == null ? "" : sub.value());
                        if (path.startsWith("/admin/api")) {
                            implemented.add(verb.getValue() + " " + path);
                        }
                    }
                }
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        try (InputStream in = AdminPages.class.getResourceAsStream("/admin-api/openapi.yaml")) {
            assertNotNull(in, "admin-api/openapi.yaml is packaged");
            JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(in);
            assertEquals("3", spec.get("openapi").asText().substring(0, 1));
            for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> verbs = path.getValue().fieldNames(); verbs.hasNext(); ) {
                    String verb = verbs.next();
                    if (METHODS.containsValue(verb)) {
                        documented.add(verb + " " + path.getKey());
                    }
                }
            }
        }
        assertEquals(implemented, documented);
    }

    /** A JAX-RS path template as OpenAPI writes it: no regular expressions, one slash between parts. */
    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/").replaceAll("/$", "");
        return path.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
    }
}
