import { Type } from '@sinclair/typebox';

/** Every error answer of the API: {"error":{"code","message"}}. */
export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});
