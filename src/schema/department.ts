import { z } from 'zod';

/** The label that introduces a department list in the text. */
export const DEPARTMENT_ROLES = ['责任单位', '牵头单位', '配合单位', '责任部门'] as const;

/** One department named in a clause's 责任单位 bracket. */
export const DepartmentSchema = z.object({
  /** The name exactly as written (e.g. `市工业和信息化局`). */
  name: z.string().min(1),
  /** The label it was listed under. */
  role: z.enum(DEPARTMENT_ROLES),
  /**
   * Canonical function so departments compare across cities (e.g. `industry-it` for 市经信局,
   * 市经济和信息化局, 市工业和信息化局), or null when no mapping is known.
   */
  function: z.string().nullable(),
});
export type Department = z.output<typeof DepartmentSchema>;
