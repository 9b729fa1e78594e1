import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { row, stack } from '../spacing';
import type { ProfileFileActions, ProfileFileState } from '../useProfileFile';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', ...stack(tokens.spacingVerticalXS) },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', ...row(tokens.spacingHorizontalS, tokens.spacingVerticalXS) },
  name: { color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
  message: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
});

export interface ProfilePickerProps {
  readonly state: ProfileFileState;
  readonly actions: ProfileFileActions;
  /** Said after the profile's name: when it applies (页面: the next files opened; 窗格: the next check). */
  readonly appliesTo: string;
}

/** 载入规则配置…: a bureau's profile file for the checks to come, its name shown, a bad file explained. */
export function ProfilePicker({ state, actions, appliesTo }: ProfilePickerProps) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { loaded, error } = state;
  return (
    <div className={s.root} data-testid="profile-picker" data-print="hide">
      <div className={s.line}>
        <Button size="small" onClick={() => input.current?.click()}>
          载入规则配置…
        </Button>
        {loaded && (
          <>
            <Text size={200} className={s.name} data-testid="profile-name" data-profile-id={loaded.profile.id}>
              规则配置：{loaded.profile.name}（{loaded.fileName}），{appliesTo}
            </Text>
            <Button size="small" appearance="subtle" onClick={actions.reset}>
              恢复默认
            </Button>
          </>
        )}
        <input
          ref={input}
          id="profile-input"
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="载入规则配置文件"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) actions.load(f);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="profile-error">
          <MessageBarBody>
            <MessageBarTitle>规则配置未载入</MessageBarTitle>
            <span className={s.message}>{error}</span>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
