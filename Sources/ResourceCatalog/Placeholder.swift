// Placeholder; replaced by the catalog implementation.
enum ResourceCatalogPlaceholder {}
