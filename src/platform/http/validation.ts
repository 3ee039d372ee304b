import AjvCompiler from '@fastify/ajv-compiler';

type Factory = ReturnType<typeof AjvCompiler>;
type Options = NonNullable<Parameters<Factory>[1]>;

/**
 * Fastify's validator compilers, two of them: JSON bodies of the API (`/api/…`) are checked exactly
 * as sent (no type coercion: `12` is not a name and `null` is not Sunday), while form posts and
 * every query string and path value, which are text by nature, keep Ajv's coercion ('array': a
 * single value where a list is expected becomes a list of one).
 */
export function validatorCompilers(): Factory {
  const pool = AjvCompiler();
  return (externalSchemas, options) => {
    const base = { ...options } as { customOptions?: object };
    const texts = pool(externalSchemas, { ...base, customOptions: { ...base.customOptions, coerceTypes: 'array' } } as Options);
    const exact = pool(externalSchemas, { ...base, customOptions: { ...base.customOptions, coerceTypes: false } } as Options);
    return (route) => (route.httpPart === 'body' && route.url?.startsWith('/api/') ? exact : texts)(route);
  };
}
