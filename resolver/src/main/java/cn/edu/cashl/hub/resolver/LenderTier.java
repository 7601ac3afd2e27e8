package cn.edu.cashl.hub.resolver;

/**
 * A member library's place in document delivery: the 17 centre libraries (中心馆) lend first, the
 * 17 service libraries (服务馆) after them. The server reads it from each library's source
 * ({@code tier:} in sources.yaml).
 */
public enum LenderTier {
    CENTRE,
    SERVICE
}
