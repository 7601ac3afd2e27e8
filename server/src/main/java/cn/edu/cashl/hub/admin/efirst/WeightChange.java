package cn.edu.cashl.hub.admin.efirst;

/** An admin's new weight for a lender, with why. */
public record WeightChange(Double weight, String note) {}
