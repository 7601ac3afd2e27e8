package cn.edu.cashl.hub.admin.efirst;

import cn.edu.cashl.hub.source.LibraryTier;

/**
 * A member library as a lender of print copies: its tier and weight (the resolver's ranking
 * policy, docs/efirst.md), its ILL system, and who set the weight when ({@code updatedAt} null: never
 * set, the default).
 */
public record LenderJson(
        String library,
        String name,
        String nameZh,
        LibraryTier tier,
        double weight,
        String note,
        String updatedAt,
        String updatedBy,
        String illBaseUrl,
        int rank) {}
