package cn.edu.cashl.hub.admin.efirst;

import java.util.List;

/** The member libraries in the order the resolver asks them for a print copy, best first. */
public record LendersJson(double defaultWeight, double maxWeight, List<LenderJson> lenders) {}
