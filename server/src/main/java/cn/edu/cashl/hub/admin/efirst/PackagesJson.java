package cn.edu.cashl.hub.admin.efirst;

import java.util.List;
import java.util.Map;

/**
 * Every licensed package, and per member library the ids of the packages its readers can use (its
 * own licences and the consortium's).
 */
public record PackagesJson(List<PackageJson> packages, Map<String, List<String>> byLibrary) {}
