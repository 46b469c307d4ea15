import { z } from 'zod';
import { FRAMEWORK_IDS, RELATIONSHIPS } from './frameworks.js';
import { contentPath } from './paths.js';
import { type LoadedFile, readYamlFile, yamlFilesIn } from './yaml-file.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const mappingFileSchema = z
  .object({
    from: z.enum(FRAMEWORK_IDS),
    to: z.enum(FRAMEWORK_IDS),
    contentVersion: z.number().int().positive(),
    note: text(1000),
    mappings: z.array(
      z
        .object({ from: text(40), to: text(40), relationship: z.enum(RELATIONSHIPS), rationale: text(600) })
        .strict(),
    ),
  })
  .strict();

export type MappingFile = z.infer<typeof mappingFileSchema>;

export function readFrameworkMappings(): Array<LoadedFile<MappingFile>> {
  return yamlFilesIn(contentPath('mappings')).map((file) => {
    const loaded = readYamlFile(file, mappingFileSchema);
    if (!file.endsWith(`${loaded.data.from}--${loaded.data.to}.yaml`)) {
      throw new Error(`${file}: from/to must match the file name <from>--<to>.yaml`);
    }
    return loaded;
  });
}
