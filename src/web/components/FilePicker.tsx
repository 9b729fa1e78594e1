import { Button, makeStyles, mergeClasses, shorthands, Text, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import type { NamedFile } from '../useWebChecker';
import { filesFromDrop, filesFromInput } from '../files';
import { row } from '../../taskpane/spacing';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'center',
    ...row(tokens.spacingHorizontalM, tokens.spacingHorizontalM, true),
    padding: tokens.spacingVerticalXXL,
    ...shorthands.border(tokens.strokeWidthThick, 'dashed', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'center',
  },
  compact: { padding: tokens.spacingVerticalM },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  hint: { color: tokens.colorNeutralForeground2, width: '100%' },
});

export interface FilePickerProps {
  readonly onFiles: (files: NamedFile[]) => void;
  /** Smaller once something is open. */
  readonly compact: boolean;
}

/** A real input[type=file] (multiple), a folder picker and a drop zone for files and folders. */
export function FilePicker({ onFiles, compact }: FilePickerProps) {
  const s = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void filesFromDrop(e.dataTransfer).then((files) => onFiles(files));
  };

  return (
    <div
      className={mergeClasses(s.zone, compact && s.compact, over && s.over)}
      data-testid="dropzone"
      data-print="hide"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {!compact && <Text size={500} weight="semibold" className={s.hint}>把自评表工作簿拖到这里</Text>}
      <Button appearance="primary" onClick={() => fileInput.current?.click()}>
        选择工作簿…
      </Button>
      <Button onClick={() => folderInput.current?.click()}>选择文件夹…</Button>
      <input
        ref={fileInput}
        id="file-input"
        type="file"
        multiple
        accept=".xlsx,.xlsm,.xls,.docx,.doc,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        hidden
        aria-label="选择工作簿"
        onChange={(e) => {
          onFiles(filesFromInput(e.currentTarget.files, false));
          e.currentTarget.value = '';
        }}
      />
      <input
        ref={folderInput}
        id="folder-input"
        type="file"
        multiple
        hidden
        aria-label="选择文件夹"
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          onFiles(filesFromInput(e.currentTarget.files, true));
          e.currentTarget.value = '';
        }}
      />
      <Text className={s.hint} size={200}>
        支持 .xlsx、.xlsm、.xls 工作簿和 .docx 自评报告（核对其中的表格及正文所述数字），可一次选择多个文件或整个文件夹。文件只在本机浏览器中读取，不会上传。
      </Text>
    </div>
  );
}
