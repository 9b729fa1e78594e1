import { Button, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { T } from '../taskpane/strings';
import { BatchView } from './components/BatchView';
import { FilePicker } from './components/FilePicker';
import { SingleView } from './components/SingleView';
import { useWebChecker, type PoolFactory } from './useWebChecker';
import { ProfilePicker } from '../taskpane/components/ProfilePicker';
import { useProfileFile } from '../taskpane/useProfileFile';
import { row, stack } from '../taskpane/spacing';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    ...stack(tokens.spacingVerticalL),
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalM },
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', ...row(tokens.spacingHorizontalL) },
  title: { margin: 0, fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground2 },
  back: { alignSelf: 'flex-start' },
});

export interface WebAppProps {
  /** Where checks run; tests may pass their own. */
  readonly makePool?: PoolFactory;
}

/** The standalone page: open one workbook to see it checked, or many for the batch table. */
export function WebApp({ makePool }: WebAppProps) {
  const s = useStyles();
  const [profileFile, profileActions] = useProfileFile();
  const loaded = profileFile.loaded;
  const [st, act] = useWebChecker(makePool, loaded ? { fileName: loaded.fileName, text: loaded.text } : null);
  const detailEntry = st.detail ? st.files.find((f) => f.key === st.detail!.key) : undefined;

  return (
    <main className={s.root}>
      <header className={s.header}>
        <h1 className={s.title}>{T.appTitle}（网页版）</h1>
        <Text className={s.sub}>核对部门整体支出（附件2 基础数据表、附件3 自评表）和项目支出绩效自评表的计算和评分。全部在本机浏览器中完成，文件不会上传。</Text>
      </header>
      <FilePicker onFiles={act.open} compact={st.mode !== 'empty'} />
      <ProfilePicker state={profileFile} actions={profileActions} appliesTo="对此后打开的工作簿生效" />
      {st.error && (
        <MessageBar intent="error">
          <MessageBarBody>{st.error}</MessageBarBody>
        </MessageBar>
      )}
      {st.mode === 'batch' && st.detail && (
        <Button className={s.back} appearance="subtle" onClick={act.closeDetail} data-print="hide">
          ← 返回汇总表
        </Button>
      )}
      {st.detail && detailEntry && (
        <SingleView
          key={st.detail.key}
          name={detailEntry.name}
          report={st.detail.report}
          grid={st.detail.grid}
          loading={st.detail.loading}
          preparing={st.preparing}
          onDownload={(k) => void act.download(k)}
        />
      )}
      {st.mode === 'batch' && (
        <div hidden={st.detail !== null}>
          <BatchView
            files={st.files}
            startedAt={st.startedAt}
            finishedAt={st.finishedAt}
            preparing={st.preparing}
            onOpen={act.openDetail}
            onDownload={(k) => void act.download(k)}
            onCancel={act.cancel}
          />
        </div>
      )}
    </main>
  );
}
