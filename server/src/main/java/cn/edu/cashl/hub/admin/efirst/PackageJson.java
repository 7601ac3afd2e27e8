package cn.edu.cashl.hub.admin.efirst;

import cn.edu.cashl.hub.admin.source.SourceJson;
import java.util.List;

/**
 * A licensed package (a KBART source) as the admin shows it: the source as the sources dashboard
 * describes it (titles accepted, rows quarantined, last runs), and the libraries whose readers it
 * serves ({@code cashl}: every member).
 */
public record PackageJson(SourceJson source, List<String> holdingLibraries) {}
