// The contract between the ingest pipeline and the site. Both import from here; nothing
// re-declares these shapes.
export * from './award';
export * from './category';
export * from './clause';
export * from './curation';
export * from './date';
export * from './downloads';
export * from './department';
export * from './policy';
export * from './release';
export * from './report';
export * from './search';
export * from './tier';
